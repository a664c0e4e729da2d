/**
 * Tenants: their configuration from {@code clients/{tenant}/client.yaml} merged with database overrides, branding,
 * templates, and the resolution of the tenant of a request or a webhook.
 */
@ApplicationModule
package com.zorahai.tenancy;

import org.springframework.modulith.ApplicationModule;
