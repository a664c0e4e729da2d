package com.zorahai.identity;

import java.util.Locale;

/**
 * What a member may do in a tenant. Owners and admins manage users, settings and branding; consultants and agents
 * work records.
 */
public enum Role {
    OWNER, ADMIN, CONSULTANT, AGENT;

    /** The Spring Security authority of this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
