/**
 * Quotes: lines, totals, numbering, revisions, and the lifecycle from draft to accepted, with PDF and email sending.
 */
@ApplicationModule
package com.zorahai.quoting;

import org.springframework.modulith.ApplicationModule;
