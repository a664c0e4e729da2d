/**
 * The tenant dashboard API under {@code /api/v1/tenant} (settings, branding, logo, templates) and the public logo
 * address used in emails and documents. JSON fields are snake_case.
 */
package com.zorahai.tenancy.web;
