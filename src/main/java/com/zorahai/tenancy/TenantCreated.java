package com.zorahai.tenancy;

/**
 * A tenant was created through the API (it lives only in the database).
 */
public record TenantCreated(TenantId tenantId, String name) {
}
