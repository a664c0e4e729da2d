package com.zorahai.identity.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zorahai.identity.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to join a tenant with a role. Its token is never stored or shown, only sent by email.
 */
public record Invitation(UUID id, String tenantId, String email, Role role, Instant expiresAt, UUID invitedBy,
        Instant createdAt, Instant acceptedAt) {

    /** {@code pending}, {@code accepted} or {@code expired}. */
    @JsonProperty("status")
    public String status() {
        if (acceptedAt != null) {
            return "accepted";
        }
        return expiresAt.isAfter(Instant.now()) ? "pending" : "expired";
    }
}
