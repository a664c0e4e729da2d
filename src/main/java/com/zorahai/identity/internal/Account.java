package com.zorahai.identity.internal;

import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * An account with its memberships, as the request pipeline sees it.
 */
public record Account(UserAccount user, List<Membership> memberships) {

    public List<Membership> activeMemberships() {
        return memberships.stream().filter(Membership::active).toList();
    }

    /**
     * Whether the account may no longer act at all: switched off, or every membership it had was deactivated. An
     * account that never had a membership is not deactivated: it may still look at itself and register a tenant.
     */
    public boolean deactivated() {
        return !user.active() || (!memberships.isEmpty() && activeMemberships().isEmpty());
    }

    public Optional<Membership> activeMembership(TenantId tenant) {
        return memberships.stream().filter(m -> m.active() && m.tenantId().equals(tenant)).findFirst();
    }

    /** The membership a request without {@code X-Tenant-ID} acts for: the oldest active one. */
    public Optional<Membership> defaultMembership() {
        return activeMemberships().stream().findFirst();
    }
}
