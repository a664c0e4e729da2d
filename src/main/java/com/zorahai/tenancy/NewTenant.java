package com.zorahai.tenancy;

import java.util.Set;

/**
 * A tenant created through the API rather than a {@code client.yaml}; it starts from the shipped defaults.
 */
public record NewTenant(TenantId id, String name, Set<Tenant.Feature> features) {
}
