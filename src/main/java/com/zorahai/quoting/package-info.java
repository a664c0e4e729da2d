/**
 * Quotes: lines, totals, numbering, revisions, and the lifecycle from draft to accepted, with PDF and email sending.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity", "crm", "pricing", "documents", "email"})
package com.zorahai.quoting;

import org.springframework.modulith.ApplicationModule;
