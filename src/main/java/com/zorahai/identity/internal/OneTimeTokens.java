package com.zorahai.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use tokens sent by email (password reset, email verification), stored as SHA-256 with an expiry. Issuing
 * a new token of a purpose voids the user's earlier unused ones.
 */
@Component
public class OneTimeTokens {

    private final JdbcClient jdbc;

    OneTimeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a token is for. */
    public enum Purpose {
        PASSWORD_RESET("password-reset"), EMAIL_VERIFICATION("email-verification");

        private final String value;

        Purpose(String value) {
            this.value = value;
        }
    }

    /** A token just issued, with when it stops working. */
    public record Issued(String token, Instant expiresAt) {
    }

    @Transactional
    public Issued issue(UUID userId, Purpose purpose, Duration ttl) {
        jdbc.sql("delete from user_tokens where user_id = ? and purpose = ? and used_at is null")
                .params(userId, purpose.value)
                .update();
        String token = SecretTokens.generate();
        Instant expiresAt = Instant.now().plus(ttl);
        jdbc.sql("insert into user_tokens (id, user_id, purpose, token_hash, expires_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), userId, purpose.value, SecretTokens.hash(token), Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    /** Uses the token once: the user it was issued to, or empty when it is unknown, used or expired. */
    @Transactional
    public Optional<UUID> consume(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update user_tokens set used_at = now()
                where token_hash = ? and purpose = ? and used_at is null and expires_at > now()
                returning user_id
                """).params(SecretTokens.hash(token), purpose.value).query(UUID.class).optional();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        jdbc.sql("delete from user_tokens where expires_at < now() - interval '1 day'").update();
    }
}
