package com.zorahai.identity.internal;

import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's membership of a tenant, with the role it gives.
 */
public record Membership(UUID userId, TenantId tenantId, Role role, boolean active, Instant createdAt) {
}
