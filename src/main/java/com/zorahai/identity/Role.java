package com.zorahai.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
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

    /** The lower-case name used in JSON and in the database, e.g. {@code admin}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code value} in any case; {@link IllegalArgumentException} when there is none. */
    @JsonCreator
    public static Role parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no role given");
        }
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
