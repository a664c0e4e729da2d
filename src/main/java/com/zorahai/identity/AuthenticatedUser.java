package com.zorahai.identity;

import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantScoped;
import java.util.UUID;

/**
 * The user behind an authenticated request, acting for one tenant with one role.
 */
public record AuthenticatedUser(UUID userId, String email, TenantId tenantId, Role role) implements TenantScoped {
}
