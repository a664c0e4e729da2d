/**
 * Documents: tenant HTML templates rendered to PDF with the tenant's branding and embedded fonts.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package com.zorahai.documents;

import org.springframework.modulith.ApplicationModule;
