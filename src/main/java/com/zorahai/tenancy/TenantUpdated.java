package com.zorahai.tenancy;

/**
 * A tenant's settings, branding or logo changed; anything derived from its configuration is stale.
 */
public record TenantUpdated(TenantId tenantId) {
}
