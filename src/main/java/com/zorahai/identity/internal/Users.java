package com.zorahai.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table.
 */
@Repository
public class Users {

    private static final String COLUMNS = "id, email, name, password_hash, supabase_id, email_verified_at, active, "
            + "created_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id).query(Users::map).optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where lower(email) = ?")
                .param(normalize(email))
                .query(Users::map)
                .optional();
    }

    public Optional<UserAccount> findBySupabaseId(UUID supabaseId) {
        return jdbc.sql("select " + COLUMNS + " from users where supabase_id = ?")
                .param(supabaseId)
                .query(Users::map)
                .optional();
    }

    /** Inserts an account; the email is kept as given, compared case-insensitively. */
    public UserAccount create(UUID id, String email, String name, String passwordHash, UUID supabaseId,
            boolean verified) {
        Instant now = Instant.now();
        jdbc.sql("""
                insert into users (id, email, name, password_hash, supabase_id, email_verified_at, active,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, true, ?, ?)
                """)
                .params(id, email.trim(), name, passwordHash, supabaseId, verified ? ts(now) : null, ts(now), ts(now))
                .update();
        return find(id).orElseThrow();
    }

    public void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = ?, updated_at = now() where id = ?")
                .params(passwordHash, id)
                .update();
    }

    public void markEmailVerified(UUID id) {
        jdbc.sql("update users set email_verified_at = coalesce(email_verified_at, now()), updated_at = now() "
                + "where id = ?").param(id).update();
    }

    public void updateName(UUID id, String name) {
        jdbc.sql("update users set name = ?, updated_at = now() where id = ?").params(name, id).update();
    }

    public void linkSupabase(UUID id, UUID supabaseId) {
        jdbc.sql("update users set supabase_id = ?, updated_at = now() where id = ?").params(supabaseId, id).update();
    }

    public void setActive(UUID id, boolean active) {
        jdbc.sql("update users set active = ?, updated_at = now() where id = ?").params(active, id).update();
    }

    static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), rs.getObject("supabase_id", UUID.class),
                instant(rs, "email_verified_at"), rs.getBoolean("active"), instant(rs, "created_at"));
    }
}
