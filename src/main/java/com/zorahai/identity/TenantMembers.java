package com.zorahai.identity;

import com.zorahai.identity.internal.Memberships;
import com.zorahai.tenancy.TenantId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The members of a tenant, read-only, for other modules: who to notify, whom a record is assigned to. Only active
 * members with an active account are returned.
 */
@Service
public class TenantMembers {

    /** The most members one call returns. */
    public static final int MAX = 100;

    private final Memberships memberships;

    TenantMembers(Memberships memberships) {
        this.memberships = memberships;
    }

    /** A member of a tenant as other modules see it. */
    public record Member(UUID userId, String email, String name, Role role) {
    }

    /** The active members with one of these roles, oldest membership first (at most {@link #MAX}). */
    public List<Member> withRoles(TenantId tenant, Collection<Role> roles) {
        if (tenant == null || roles == null || roles.isEmpty()) {
            return List.of();
        }
        return memberships.activeMembers(tenant, EnumSet.copyOf(roles), MAX).stream()
                .map(m -> new Member(m.id(), m.email(), m.name(), m.role()))
                .toList();
    }

    /** The member with this user id, when it is an active member of the tenant with an active account. */
    public Optional<Member> find(TenantId tenant, UUID userId) {
        if (tenant == null || userId == null) {
            return Optional.empty();
        }
        return memberships.activeMember(tenant, userId).map(m -> new Member(m.id(), m.email(), m.name(), m.role()));
    }
}
