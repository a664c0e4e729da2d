package com.zorahai.tenancy;

import java.time.Instant;
import java.util.List;

/**
 * What a tenant's {@code tenant_settings} row overrides.
 *
 * @param overriddenFields the dotted snake_case paths of the overridden fields, e.g. {@code email.from_name}
 * @param overridableFields the fields the API lets an owner or admin override
 * @param updatedAt when the overrides last changed; null when there are none
 */
public record TenantSettings(TenantId tenantId, List<String> overriddenFields, List<String> overridableFields,
        Instant updatedAt) {
}
