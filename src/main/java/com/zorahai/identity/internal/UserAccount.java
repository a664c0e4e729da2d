package com.zorahai.identity.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's account. {@code passwordHash} is set for local accounts only; {@code supabaseId} links the account to
 * a Supabase Auth user.
 */
public record UserAccount(UUID id, String email, String name, String passwordHash, UUID supabaseId,
        Instant emailVerifiedAt, boolean active, Instant createdAt) {

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
