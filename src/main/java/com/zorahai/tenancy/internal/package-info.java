/**
 * How tenants are built: reading and expanding {@code client.yaml}, validating fields, merging database overrides,
 * caching the result, and storing settings, branding and templates.
 */
package com.zorahai.tenancy.internal;
