package com.zorahai.whatsapp.internal;

import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.OutboundContent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code whatsapp_outbox} table: every outbound message and read receipt is a row first; workers claim due rows
 * with {@code FOR UPDATE SKIP LOCKED} and a lease, so several instances share the work without sending twice.
 */
@Component("whatsappOutbox")
public class Outbox {

    static final String MESSAGE = "message";
    static final String READ = "read";

    private final JdbcClient jdbc;
    private final WhatsAppProperties properties;

    Outbox(JdbcClient jdbc, WhatsAppProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** What a row asks for: a message ({@code content}) or a read receipt ({@code readMessageId}). */
    public record Payload(OutboundContent content, String contextMessageId, String readMessageId) {
    }

    /** A row claimed by a worker. */
    record Claimed(UUID id, TenantId tenantId, UUID messageId, UUID conversationId, String kind, Payload payload,
            boolean needsWindow, int attempt, int maxAttempts, UUID claimToken) {
    }

    /** Adds a row in the caller's transaction. */
    public UUID add(TenantId tenant, UUID conversationId, UUID messageId, String kind, Payload payload,
            boolean needsWindow) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into whatsapp_outbox (id, tenant_id, message_id, conversation_id, kind, payload, needs_window,
                                             status, max_attempts)
                values (:id, :tenant, :message, :conversation, :kind, cast(:payload as jsonb), :needsWindow,
                        'queued', :maxAttempts)""")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("message", messageId)
                .param("conversation", conversationId)
                .param("kind", kind)
                .param("payload", StoredJson.MAPPER.writeValueAsString(payload))
                .param("needsWindow", needsWindow)
                .param("maxAttempts", properties.maxAttempts())
                .update();
        return id;
    }

    /**
     * Claims up to {@code batch} due rows in one short statement; rows another worker holds are skipped. A row left
     * in {@code sending} past its lease is taken over and the lost attempt counts.
     */
    List<Claimed> claim(int batch, Duration lease) {
        return jdbc.sql("""
                with due as (
                    select id from whatsapp_outbox
                     where (status in ('queued', 'failed') and next_attempt_at <= now())
                        or (status = 'sending' and locked_until < now())
                     order by next_attempt_at
                     limit :batch
                       for update skip locked)
                update whatsapp_outbox o
                   set status = 'sending',
                       attempts = case when o.status = 'sending' then o.attempts + 1 else o.attempts end,
                       locked_until = now() + :leaseMs * interval '1 millisecond',
                       claim_token = :token, updated_at = now()
                  from due
                 where o.id = due.id
                returning o.id, o.tenant_id, o.message_id, o.conversation_id, o.kind, o.payload::text as payload,
                          o.needs_window, o.attempts, o.max_attempts, o.claim_token""")
                .param("batch", batch)
                .param("leaseMs", lease.toMillis())
                .param("token", UUID.randomUUID())
                .query((rs, row) -> new Claimed(rs.getObject("id", UUID.class),
                        TenantId.of(rs.getString("tenant_id")), rs.getObject("message_id", UUID.class),
                        rs.getObject("conversation_id", UUID.class), rs.getString("kind"),
                        StoredJson.MAPPER.readValue(rs.getString("payload"), Payload.class),
                        rs.getBoolean("needs_window"), rs.getInt("attempts") + 1, rs.getInt("max_attempts"),
                        rs.getObject("claim_token", UUID.class)))
                .list();
    }

    void markSent(Claimed row, String provider) {
        jdbc.sql("""
                update whatsapp_outbox
                   set status = 'sent', attempts = attempts + 1, provider = :provider, last_error = null,
                       locked_until = null, claim_token = null, updated_at = now(),
                       payload = case when :testing then '{}'::jsonb else payload end
                 where id = :id and claim_token = :token""")
                .param("provider", provider)
                .param("testing", properties.testingMode())
                .param("id", row.id())
                .param("token", row.claimToken())
                .update();
    }

    void markRetry(Claimed row, String provider, String error, Duration delay) {
        jdbc.sql("""
                update whatsapp_outbox
                   set status = 'failed', attempts = attempts + 1, provider = :provider, last_error = :error,
                       next_attempt_at = now() + :delayMs * interval '1 millisecond',
                       locked_until = null, claim_token = null, updated_at = now()
                 where id = :id and claim_token = :token""")
                .param("provider", provider)
                .param("error", truncate(error))
                .param("delayMs", delay.toMillis())
                .param("id", row.id())
                .param("token", row.claimToken())
                .update();
    }

    void markDead(Claimed row, String provider, String error, boolean attempted) {
        jdbc.sql("""
                update whatsapp_outbox
                   set status = 'dead', attempts = attempts + :increment, provider = :provider, last_error = :error,
                       locked_until = null, claim_token = null, updated_at = now()
                 where id = :id and claim_token = :token""")
                .param("increment", attempted ? 1 : 0)
                .param("provider", provider)
                .param("error", truncate(error))
                .param("id", row.id())
                .param("token", row.claimToken())
                .update();
    }

    /** Not tried (circuit open): due again after {@code delay}, no attempt used. */
    void reschedule(Claimed row, String reason, Duration delay) {
        jdbc.sql("""
                update whatsapp_outbox
                   set status = case when attempts > 0 then 'failed' else 'queued' end, last_error = :reason,
                       next_attempt_at = now() + :delayMs * interval '1 millisecond',
                       locked_until = null, claim_token = null, updated_at = now()
                 where id = :id and claim_token = :token""")
                .param("reason", truncate(reason))
                .param("delayMs", delay.toMillis())
                .param("id", row.id())
                .param("token", row.claimToken())
                .update();
    }

    /** Gives a claimed row back untried. */
    void release(Claimed row) {
        reschedule(row, null, Duration.ZERO);
    }

    void recordAttempt(Claimed row, String provider, Integer httpStatus, Integer errorCode, String outcome,
            String error, Long durationMs) {
        jdbc.sql("""
                insert into whatsapp_outbox_attempts (outbox_id, attempt, provider, http_status, error_code, outcome,
                                                      error, duration_ms)
                values (:outbox, :attempt, :provider, :status, :code, :outcome, :error, :duration)""")
                .param("outbox", row.id())
                .param("attempt", row.attempt())
                .param("provider", provider)
                .param("status", httpStatus)
                .param("code", errorCode)
                .param("outcome", outcome)
                .param("error", truncate(error))
                .param("duration", durationMs)
                .update();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 480 ? value : value.substring(0, 480);
    }
}
