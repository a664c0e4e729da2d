package com.zorahai.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens of local accounts: opaque, stored as SHA-256, rotated on every use. A token used a second time
 * means it leaked (or was replayed): its whole family is revoked, so the thief and the owner both sign in again.
 */
@Component
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final JdbcClient jdbc;
    private final Duration ttl;

    RefreshTokens(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.ttl = properties.refreshTokenTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    /** Starts a new family for the user and returns its first token. */
    @Transactional
    public String issue(UUID userId) {
        return insert(userId, UUID.randomUUID());
    }

    /** The owner of a token that may still be used, if any (for rate limiting before rotation). */
    public Optional<UUID> ownerOf(String token) {
        return jdbc.sql("select user_id from refresh_tokens where token_hash = ?")
                .param(SecretTokens.hash(token))
                .query(UUID.class)
                .optional();
    }

    /**
     * Uses a token: marks it rotated and returns its successor; or, when the token was already rotated, revokes the
     * family and reports the reuse.
     */
    @Transactional
    public Rotation rotate(String token) {
        Optional<Row> found = jdbc.sql("""
                select id, family_id, user_id, expires_at, rotated_at, revoked_at from refresh_tokens
                where token_hash = ? for update
                """).param(SecretTokens.hash(token)).query((rs, n) -> new Row(rs.getObject("id", UUID.class),
                rs.getObject("family_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("rotated_at") != null,
                rs.getTimestamp("revoked_at") != null)).optional();
        if (found.isEmpty()) {
            return new Rotation.Rejected(null);
        }
        Row row = found.get();
        if (row.revoked()) {
            return new Rotation.Rejected(row.userId());
        }
        if (row.rotated()) {
            int revoked = revokeFamily(row.familyId());
            log.warn("Refresh token reused: revoked its family ({} tokens) for user {}", revoked, row.userId());
            return new Rotation.Reused(row.userId());
        }
        if (!row.expiresAt().isAfter(Instant.now())) {
            return new Rotation.Rejected(row.userId());
        }
        jdbc.sql("update refresh_tokens set rotated_at = now() where id = ?").param(row.id()).update();
        return new Rotation.Rotated(row.userId(), insert(row.userId(), row.familyId()));
    }

    /** Revokes the family of this token when it belongs to the user; false when it does not. */
    @Transactional
    public boolean revokeFamilyOf(String token, UUID userId) {
        Optional<UUID> family = jdbc.sql("select family_id from refresh_tokens where token_hash = ? and user_id = ?")
                .params(SecretTokens.hash(token), userId)
                .query(UUID.class)
                .optional();
        family.ifPresent(this::revokeFamily);
        return family.isPresent();
    }

    @Transactional
    public int revokeAll(UUID userId) {
        return jdbc.sql("update refresh_tokens set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(userId)
                .update();
    }

    int revokeFamily(UUID familyId) {
        return jdbc.sql("update refresh_tokens set revoked_at = now() where family_id = ? and revoked_at is null")
                .param(familyId)
                .update();
    }

    /** Drops tokens expired for a day; reuse of those is no longer worth detecting. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        jdbc.sql("delete from refresh_tokens where expires_at < now() - interval '1 day'").update();
    }

    private String insert(UUID userId, UUID familyId) {
        String token = SecretTokens.generate();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(UUID.randomUUID(), familyId, userId, SecretTokens.hash(token), Timestamp.from(now),
                        Timestamp.from(now.plus(ttl)))
                .update();
        return token;
    }

    private record Row(UUID id, UUID familyId, UUID userId, Instant expiresAt, boolean rotated, boolean revoked) {
    }

    /** What using a refresh token gave. */
    public sealed interface Rotation {

        /** The token was valid: here is the next one. */
        record Rotated(UUID userId, String next) implements Rotation {
        }

        /** The token had been used before: its family is now revoked. */
        record Reused(UUID userId) implements Rotation {
        }

        /** Unknown, expired or revoked. */
        record Rejected(UUID userId) implements Rotation {
        }
    }
}
