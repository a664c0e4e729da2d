package com.zorahai.email.outbox;

import com.zorahai.email.OutboundEmail;
import com.zorahai.tenancy.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbound email table: adds rows (deduplicated by the tenant's idempotency key through the unique constraint),
 * hands due rows to workers with {@code FOR UPDATE SKIP LOCKED}, writes back each attempt, and answers the API.
 */
// a plain component, no proxy: transactions come from the TransactionTemplate
@Component
public class Outbox {

    private static final String SUMMARY_COLUMNS = """
            id, tenant_id, to_addresses, cc_addresses, subject, null as html_body, null as text_body, template,
            status, attempts, max_attempts, next_attempt_at, last_error, provider_message_id, idempotency_key,
            created_at, sent_at""";

    private static final String FULL_COLUMNS = """
            id, tenant_id, to_addresses, cc_addresses, subject, html_body, text_body, template,
            status, attempts, max_attempts, next_attempt_at, last_error, provider_message_id, idempotency_key,
            created_at, sent_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final JsonMapper json;

    Outbox(JdbcClient jdbc, TransactionTemplate transactions, OutboxProperties properties, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Adds the email as a {@code queued} row and returns its id. When the tenant already has an email with the same
     * idempotency key, adds nothing and returns that email's id. Joins the caller's transaction, so an email queued
     * together with other changes is only sent when they commit.
     */
    public UUID add(OutboxEntry entry) {
        return transactions.execute(tx -> insert(entry));
    }

    private UUID insert(OutboxEntry entry) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into outbound_emails (id, tenant_id, to_addresses, cc_addresses, subject, html_body,
                                             text_body, template, status, attempts, max_attempts, next_attempt_at,
                                             idempotency_key, headers)
                values (:id, :tenant, :to, :cc, :subject, :html, :text, :template, 'queued', 0, :maxAttempts, now(),
                        :key, cast(:headers as jsonb))
                on conflict (tenant_id, idempotency_key) do nothing""")
                .param("id", id)
                .param("tenant", entry.tenantId().value())
                .param("to", entry.to().toArray(String[]::new))
                .param("cc", entry.cc().toArray(String[]::new))
                .param("subject", entry.subject())
                .param("html", entry.html())
                .param("text", entry.text())
                .param("template", entry.template())
                .param("maxAttempts", properties.maxAttempts())
                .param("key", entry.idempotencyKey())
                .param("headers", json.writeValueAsString(entry.headers()))
                .update();
        if (inserted == 0) {
            return jdbc.sql("select id from outbound_emails where tenant_id = :tenant and idempotency_key = :key")
                    .param("tenant", entry.tenantId().value())
                    .param("key", entry.idempotencyKey())
                    .query(UUID.class)
                    .single();
        }
        List<OutboundEmail.Attachment> attachments = entry.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            OutboundEmail.Attachment attachment = attachments.get(i);
            jdbc.sql("""
                    insert into outbound_email_attachments (email_id, position, filename, content_type, size_bytes,
                                                            content)
                    values (:email, :position, :filename, :type, :size, :content)""")
                    .param("email", id)
                    .param("position", i)
                    .param("filename", attachment.filename())
                    .param("type", attachment.contentType())
                    .param("size", attachment.content().length)
                    .param("content", attachment.content())
                    .update();
        }
        return id;
    }

    /**
     * Claims up to {@code batchSize} due emails for this worker in one short statement: rows another worker holds
     * are skipped, not waited for. Rows left in {@code sending} by a worker whose lease ran out are taken over; the
     * lost attempt counts.
     */
    List<ClaimedEmail> claim(int batchSize, Duration lease) {
        UUID token = UUID.randomUUID();
        return jdbc.sql("""
                with due as (
                    select id from outbound_emails
                     where (status in ('queued', 'failed') and next_attempt_at <= now())
                        or (status = 'sending' and locked_until < now())
                     order by next_attempt_at
                     limit :batch
                       for update skip locked)
                update outbound_emails e
                   set status = 'sending',
                       attempts = case when e.status = 'sending' then e.attempts + 1 else e.attempts end,
                       locked_until = now() + :leaseMs * interval '1 millisecond',
                       claim_token = :token,
                       updated_at = now()
                  from due
                 where e.id = due.id
                returning e.id, e.tenant_id, e.to_addresses, e.cc_addresses, e.subject, e.html_body, e.text_body,
                          e.headers, e.attempts, e.max_attempts, e.claim_token""")
                .param("batch", batchSize)
                .param("leaseMs", lease.toMillis())
                .param("token", token)
                .query((rs, row) -> new ClaimedEmail(rs.getObject("id", UUID.class),
                        TenantId.of(rs.getString("tenant_id")), strings(rs.getArray("to_addresses")),
                        strings(rs.getArray("cc_addresses")), rs.getString("subject"), rs.getString("html_body"),
                        rs.getString("text_body"), headers(rs.getString("headers")), rs.getInt("attempts"),
                        rs.getInt("max_attempts"),
                        rs.getObject("claim_token", UUID.class)))
                .list();
    }

    /** The provider accepted the email. */
    void markSent(ClaimedEmail email, int statusCode, String providerMessageId, long durationMs) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    update outbound_emails
                       set status = 'sent', attempts = attempts + 1, provider_message_id = :messageId,
                           sent_at = now(), last_error = null, locked_until = null, claim_token = null,
                           updated_at = now()
                     where id = :id and claim_token = :token""")
                    .param("messageId", providerMessageId)
                    .param("id", email.id())
                    .param("token", email.claimToken())
                    .update();
            recordAttempt(email, statusCode, "sent", null, durationMs);
        });
    }

    /** The attempt failed for a passing reason; the next one is due after {@code retryIn}. */
    void markFailed(ClaimedEmail email, Integer statusCode, String error, Duration retryIn, long durationMs) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    update outbound_emails
                       set status = 'failed', attempts = attempts + 1, last_error = :error,
                           next_attempt_at = now() + :delayMs * interval '1 millisecond',
                           locked_until = null, claim_token = null, updated_at = now()
                     where id = :id and claim_token = :token""")
                    .param("error", error)
                    .param("delayMs", retryIn.toMillis())
                    .param("id", email.id())
                    .param("token", email.claimToken())
                    .update();
            recordAttempt(email, statusCode, "retry", error, durationMs);
        });
    }

    /** No further attempt: the failure is permanent, or the attempts are used up. */
    void markDead(ClaimedEmail email, Integer statusCode, String error, Long durationMs, boolean attempted) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    update outbound_emails
                       set status = 'dead', attempts = attempts + :increment, last_error = :error,
                           locked_until = null, claim_token = null, updated_at = now()
                     where id = :id and claim_token = :token""")
                    .param("increment", attempted ? 1 : 0)
                    .param("error", error)
                    .param("id", email.id())
                    .param("token", email.claimToken())
                    .update();
            recordAttempt(email, statusCode, "dead", error, durationMs);
        });
    }

    /** Delivery is not configured for the tenant: the email stays in the outbox until someone retries it. */
    void markHeld(ClaimedEmail email, String reason) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    update outbound_emails
                       set status = 'held', last_error = :reason, locked_until = null, claim_token = null,
                           updated_at = now()
                     where id = :id and claim_token = :token""")
                    .param("reason", reason)
                    .param("id", email.id())
                    .param("token", email.claimToken())
                    .update();
            recordAttempt(email, null, "held", reason, null);
        });
    }

    /** The provider was not tried (its circuit is open): due again after {@code delay}, no attempt used. */
    void reschedule(ClaimedEmail email, String reason, Duration delay) {
        jdbc.sql("""
                update outbound_emails
                   set status = case when attempts > 0 then 'failed' else 'queued' end, last_error = :reason,
                       next_attempt_at = now() + :delayMs * interval '1 millisecond',
                       locked_until = null, claim_token = null, updated_at = now()
                 where id = :id and claim_token = :token""")
                .param("reason", reason)
                .param("delayMs", delay.toMillis())
                .param("id", email.id())
                .param("token", email.claimToken())
                .update();
    }

    /** Gives a claimed email back untried: due at once, for any worker. */
    void release(ClaimedEmail email) {
        jdbc.sql("""
                update outbound_emails
                   set status = case when attempts > 0 then 'failed' else 'queued' end, next_attempt_at = now(),
                       locked_until = null, claim_token = null, updated_at = now()
                 where id = :id and claim_token = :token""")
                .param("id", email.id())
                .param("token", email.claimToken())
                .update();
    }

    private void recordAttempt(ClaimedEmail email, Integer statusCode, String outcome, String error,
            Long durationMs) {
        jdbc.sql("""
                insert into outbound_email_attempts (email_id, attempt, status_code, outcome, error, duration_ms)
                values (:email, :attempt, :status, :outcome, :error, :duration)""")
                .param("email", email.id())
                .param("attempt", email.attempt())
                .param("status", statusCode)
                .param("outcome", outcome)
                .param("error", error)
                .param("duration", durationMs)
                .update();
    }

    /** The tenant's email with this id; empty for an unknown id or another tenant's email. */
    public Optional<OutboxEmail> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + FULL_COLUMNS + " from outbound_emails where id = :id and tenant_id = :tenant")
                .param("id", id)
                .param("tenant", tenant.value())
                .query(Outbox::email)
                .optional();
    }

    /** One page of the tenant's emails, newest first, optionally only those in {@code status}. */
    public List<OutboxEmail> list(TenantId tenant, Optional<EmailStatus> status, int page, int size) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from outbound_emails
                where tenant_id = :tenant and (cast(:status as varchar) is null or status = :status)
                order by created_at desc, id desc
                limit :size offset :offset""")
                .param("tenant", tenant.value())
                .param("status", status.map(EmailStatus::value).orElse(null))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Outbox::email)
                .list();
    }

    /** How many emails {@link #list} pages through. */
    public long count(TenantId tenant, Optional<EmailStatus> status) {
        return jdbc.sql("""
                select count(*) from outbound_emails
                 where tenant_id = :tenant and (cast(:status as varchar) is null or status = :status)""")
                .param("tenant", tenant.value())
                .param("status", status.map(EmailStatus::value).orElse(null))
                .query(Long.class)
                .single();
    }

    /** The attempts made for an email, oldest first. */
    public List<OutboxAttempt> attempts(UUID emailId) {
        return jdbc.sql("""
                select attempt, attempted_at, status_code, outcome, error, duration_ms
                  from outbound_email_attempts where email_id = :email order by attempted_at, id""")
                .param("email", emailId)
                .query((rs, row) -> new OutboxAttempt(rs.getInt("attempt"), instant(rs, "attempted_at"),
                        (Integer) rs.getObject("status_code"), rs.getString("outcome"), rs.getString("error"),
                        (Long) rs.getObject("duration_ms")))
                .list();
    }

    /** The attachments of an email, in order; with their bytes only when {@code withContent}. */
    public List<OutboxAttachment> attachments(UUID emailId, boolean withContent) {
        return jdbc.sql("select position, filename, content_type, size_bytes, "
                + (withContent ? "content" : "null::bytea as content")
                + " from outbound_email_attachments where email_id = :email order by position")
                .param("email", emailId)
                .query((rs, row) -> new OutboxAttachment(rs.getInt("position"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getBytes("content")))
                .list();
    }

    /**
     * Puts a {@code failed}, {@code dead} or {@code held} email back in the queue with a fresh set of attempts.
     *
     * @return the email afterwards; empty when the tenant has no such email
     * @throws EmailNotRetryable when the email was sent or is being sent
     */
    public Optional<OutboxEmail> retry(TenantId tenant, UUID id) {
        int updated = jdbc.sql("""
                update outbound_emails
                   set status = 'queued', attempts = 0, next_attempt_at = now(), last_error = null,
                       locked_until = null, claim_token = null, updated_at = now()
                 where id = :id and tenant_id = :tenant and status in ('failed', 'dead', 'held')""")
                .param("id", id)
                .param("tenant", tenant.value())
                .update();
        Optional<OutboxEmail> email = find(tenant, id);
        if (updated == 0 && email.isPresent()
                && (email.get().status() == EmailStatus.SENT || email.get().status() == EmailStatus.SENDING)) {
            throw EmailNotRetryable.of(id, email.get().status());
        }
        return email;
    }

    private static OutboxEmail email(ResultSet rs, int row) throws SQLException {
        return new OutboxEmail(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                strings(rs.getArray("to_addresses")), strings(rs.getArray("cc_addresses")), rs.getString("subject"),
                rs.getString("html_body"), rs.getString("text_body"), rs.getString("template"),
                EmailStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getInt("attempts"), rs.getInt("max_attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"), rs.getString("provider_message_id"), rs.getString("idempotency_key"),
                instant(rs, "created_at"), instant(rs, "sent_at"));
    }

    private Map<String, String> headers(String value) {
        if (value == null) {
            return Map.of();
        }
        return json.readValue(value, new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.copyOf(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
