package com.zorahai.helpdesk.internal;

import com.zorahai.tenancy.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The helpdesk tables. Every query names the tenant. */
@Repository
public class HelpdeskStore {

    private static final String SESSION_COLUMNS = """
            id, channel, status, customer_name, customer_email, created_by, created_at, updated_at, handed_over_at""";
    private static final String MESSAGE_COLUMNS = """
            id, session_id, position, role, content, grounded, answer_type, search_query, citations, used_chunk_ids,
            handover_offered, latency_ms, model, prompt_tokens, completion_tokens, created_at""";
    private static final TypeReference<List<Answer.Citation>> CITATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HelpdeskStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A session. */
    public record Session(UUID id, String channel, String status, String customerName, String customerEmail,
            UUID createdBy, Instant createdAt, Instant updatedAt, Instant handedOverAt) {
    }

    /** A message; the answer fields are null for a customer's message. */
    public record Message(UUID id, UUID sessionId, int position, String role, String content, Boolean grounded,
            String answerType, String searchQuery, List<Answer.Citation> citations, List<String> usedChunkIds,
            boolean handoverOffered, Integer latencyMs, String model, long promptTokens, long completionTokens,
            Instant createdAt) {
    }

    /** Tokens spent by one model over a period. */
    public record ModelUsage(String model, long answers, long promptTokens, long completionTokens) {
    }

    void insertSession(TenantId tenant, Session s) {
        jdbc.sql("""
                insert into helpdesk_sessions (id, tenant_id, channel, status, customer_name, customer_email,
                    created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), tenant.value(), s.channel(), s.status(), s.customerName(), s.customerEmail(),
                        s.createdBy(), ts(s.createdAt()), ts(s.updatedAt()))
                .update();
    }

    Optional<Session> findSession(TenantId tenant, UUID id) {
        return jdbc.sql("select " + SESSION_COLUMNS + " from helpdesk_sessions where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> session(rs))
                .optional();
    }

    /** Locks the session row for the rest of the transaction (messages are numbered under this lock). */
    Optional<Session> lockSession(TenantId tenant, UUID id) {
        return jdbc.sql("select " + SESSION_COLUMNS
                + " from helpdesk_sessions where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query((rs, n) -> session(rs))
                .optional();
    }

    List<Session> sessions(TenantId tenant, int offset, int limit) {
        return jdbc.sql("select " + SESSION_COLUMNS + " from helpdesk_sessions where tenant_id = ?"
                + " order by created_at desc, id limit ? offset ?")
                .params(tenant.value(), limit, offset)
                .query((rs, n) -> session(rs))
                .list();
    }

    long countSessions(TenantId tenant) {
        return jdbc.sql("select count(*) from helpdesk_sessions where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }

    void updateSession(TenantId tenant, UUID id, String status, String name, String email, Instant now,
            Instant handedOverAt) {
        jdbc.sql("""
                update helpdesk_sessions set status = ?, customer_name = coalesce(?, customer_name),
                    customer_email = coalesce(?, customer_email), updated_at = ?,
                    handed_over_at = coalesce(handed_over_at, ?)
                where tenant_id = ? and id = ?""")
                .params(status, name, email, ts(now), ts(handedOverAt), tenant.value(), id)
                .update();
    }

    int nextPosition(TenantId tenant, UUID session) {
        return jdbc.sql("select coalesce(max(position), -1) + 1 from helpdesk_messages where tenant_id = ? and "
                + "session_id = ?")
                .params(tenant.value(), session)
                .query(Integer.class)
                .single();
    }

    void insertMessage(TenantId tenant, Message m) {
        jdbc.sql(
                """
                        insert into helpdesk_messages (id, tenant_id, session_id, position, role, content, grounded, answer_type,
                            search_query, citations, used_chunk_ids, handover_offered, latency_ms, model, prompt_tokens,
                            completion_tokens, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::text[], ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), tenant.value(), m.sessionId(), m.position(), m.role(), m.content(), m.grounded(), m
                        .answerType(), m.searchQuery(), json.writeValueAsString(m.citations()),
                        m.usedChunkIds()
                                .toArray(String[]::new),
                        m.handoverOffered(), m.latencyMs(), m.model(), m
                                .promptTokens(),
                        m.completionTokens(), ts(m.createdAt()))
                .update();
    }

    List<Message> messages(TenantId tenant, UUID session) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from helpdesk_messages where tenant_id = ? and session_id = ?"
                + " order by position")
                .params(tenant.value(), session)
                .query((rs, n) -> message(rs))
                .list();
    }

    List<ModelUsage> usage(TenantId tenant, Instant from, Instant to) {
        return jdbc.sql("""
                select coalesce(model, 'none') as model, count(*) as answers, sum(prompt_tokens) as prompt,
                    sum(completion_tokens) as completion
                from helpdesk_messages
                where tenant_id = ? and role = 'assistant' and created_at >= ? and created_at < ?
                group by coalesce(model, 'none') order by 1""")
                .params(tenant.value(), ts(from), ts(to))
                .query((rs, n) -> new ModelUsage(rs.getString("model"), rs.getLong("answers"), rs.getLong("prompt"), rs
                        .getLong("completion")))
                .list();
    }

    // --- settings

    Optional<String> publicKeyHash(TenantId tenant) {
        return jdbc.sql("select public_key_hash from helpdesk_settings where tenant_id = ?").param(tenant.value())
                .query((rs, n) -> rs.getString(1)).optional().filter(h -> h != null);
    }

    void savePublicKey(TenantId tenant, String hash, String prefix, Instant now) {
        jdbc.sql("""
                insert into helpdesk_settings (tenant_id, public_key_hash, public_key_prefix, key_rotated_at)
                values (?, ?, ?, ?)
                on conflict (tenant_id) do update set public_key_hash = excluded.public_key_hash,
                    public_key_prefix = excluded.public_key_prefix, key_rotated_at = excluded.key_rotated_at""")
                .params(tenant.value(), hash, prefix, ts(now))
                .update();
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("status"), rs
                .getString("customer_name"), rs.getString("customer_email"), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "handed_over_at"));
    }

    private Message message(ResultSet rs) throws SQLException {
        Array used = rs.getArray("used_chunk_ids");
        return new Message(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class), rs.getInt(
                "position"), rs.getString("role"), rs.getString("content"), (Boolean) rs.getObject("grounded"),
                rs
                        .getString("answer_type"),
                rs.getString("search_query"), json.readValue(rs.getString(
                        "citations"), CITATIONS),
                used == null
                        ? List.of()
                        : Arrays.asList((String[]) used
                                .getArray()),
                rs.getBoolean("handover_offered"), (Integer) rs.getObject(
                        "latency_ms"),
                rs.getString("model"), rs.getLong("prompt_tokens"), rs
                        .getLong("completion_tokens"),
                instant(rs, "created_at"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
