package com.zorahai.intake.internal;

import com.zorahai.ai.Classification;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code intake_requests} and {@code intake_corrections} tables. Every query names the tenant.
 */
@Repository
public class IntakeStore {

    private static final String COLUMNS = """
            id, tenant_id, inbound_email_id, message_id, from_address, subject, received_at, classification, engine,
            model, extraction::text as extraction, low_confidence, status, outcome, review_reason, client_id,
            quote_id, quote_number, reply_to_quote_id, reply_to_quote_number, ticket_ref, reviewed_by, reviewed_at,
            reject_reason, created_at, updated_at""";

    private final JdbcClient jdbc;

    IntakeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A correction as stored. */
    public record Correction(String field, String extractedValue, BigDecimal extractedConfidence,
            String correctedValue) {
    }

    /** How often a field was corrected among the approved requests. */
    public record FieldCount(String field, long corrections) {
    }

    /** Requests by status, outcome and engine. */
    public record Count(String status, String outcome, String engine, long requests) {
    }

    public boolean exists(TenantId tenant, UUID inboundEmailId) {
        return jdbc.sql("select exists (select 1 from intake_requests where tenant_id = ? and inbound_email_id = ?)")
                .params(tenant.value(), inboundEmailId)
                .query(Boolean.class)
                .single();
    }

    /** Inserts the request; {@code false} when the tenant already has one for the email (nothing written). */
    public boolean insert(IntakeRequest r) {
        return jdbc.sql("""
                insert into intake_requests (id, tenant_id, inbound_email_id, message_id, from_address, subject,
                    received_at, classification, engine, model, extraction, low_confidence, status, outcome,
                    review_reason, client_id, quote_id, quote_number, reply_to_quote_id, reply_to_quote_number,
                    ticket_ref, created_at, updated_at)
                values (:id, :tenant, :email, :messageId, :from, :subject, :receivedAt, :classification, :engine,
                    :model, cast(:extraction as jsonb), :low, :status, :outcome, :reason, :client, :quote, :number,
                    :replyTo, :replyToNumber, :ticket, :createdAt, :updatedAt)
                on conflict (tenant_id, inbound_email_id) do nothing""")
                .param("id", r.id())
                .param("tenant", r.tenantId().value())
                .param("email", r.inboundEmailId())
                .param("messageId", clip(r.messageId(), 1000))
                .param("from", clip(r.fromAddress(), 1000))
                .param("subject", clip(r.subject(), 1000))
                .param("receivedAt", ts(r.receivedAt()))
                .param("classification", r.classification().name().toLowerCase(Locale.ROOT))
                .param("engine", clip(r.engine(), 16))
                .param("model", clip(r.model(), 100))
                .param("extraction", r.extraction())
                .param("low", r.lowConfidence().toArray(String[]::new))
                .param("status", r.status().value())
                .param("outcome", r.outcome().value())
                .param("reason", clip(r.reviewReason(), 1000))
                .param("client", r.clientId() == null ? null : r.clientId().value())
                .param("quote", r.quoteId())
                .param("number", r.quoteNumber())
                .param("replyTo", r.replyToQuoteId())
                .param("replyToNumber", r.replyToQuoteNumber())
                .param("ticket", r.ticketRef())
                .param("createdAt", ts(r.createdAt()))
                .param("updatedAt", ts(r.updatedAt()))
                .update() == 1;
    }

    /** Writes what handling and reviewing change: status, outcome, reason, links, review. */
    public void update(IntakeRequest r) {
        jdbc.sql("""
                update intake_requests set status = :status, outcome = :outcome, review_reason = :reason,
                    client_id = :client, quote_id = :quote, quote_number = :number, reply_to_quote_id = :replyTo,
                    reply_to_quote_number = :replyToNumber, ticket_ref = :ticket, reviewed_by = :reviewedBy,
                    reviewed_at = :reviewedAt, reject_reason = :rejectReason, updated_at = :updatedAt
                 where tenant_id = :tenant and id = :id""")
                .param("status", r.status().value())
                .param("outcome", r.outcome().value())
                .param("reason", clip(r.reviewReason(), 1000))
                .param("client", r.clientId() == null ? null : r.clientId().value())
                .param("quote", r.quoteId())
                .param("number", r.quoteNumber())
                .param("replyTo", r.replyToQuoteId())
                .param("replyToNumber", r.replyToQuoteNumber())
                .param("ticket", r.ticketRef())
                .param("reviewedBy", r.reviewedBy())
                .param("reviewedAt", ts(r.reviewedAt()))
                .param("rejectReason", clip(r.rejectReason(), 1000))
                .param("updatedAt", ts(r.updatedAt()))
                .param("tenant", r.tenantId().value())
                .param("id", r.id())
                .update();
    }

    public Optional<IntakeRequest> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from intake_requests where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(IntakeStore::map)
                .optional();
    }

    public Optional<IntakeRequest> findByEmail(TenantId tenant, UUID inboundEmailId) {
        return jdbc.sql("select " + COLUMNS + " from intake_requests where tenant_id = ? and inbound_email_id = ?")
                .params(tenant.value(), inboundEmailId)
                .query(IntakeStore::map)
                .optional();
    }

    /** The request a quote was drafted from, if intake drafted it. */
    public Optional<IntakeRequest> findByQuote(TenantId tenant, UUID quoteId) {
        return jdbc.sql("select " + COLUMNS
                + " from intake_requests where tenant_id = ? and quote_id = ? order by created_at limit 1")
                .params(tenant.value(), quoteId)
                .query(IntakeStore::map)
                .optional();
    }

    /** The request, locked until the transaction ends. */
    public Optional<IntakeRequest> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from intake_requests where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(IntakeStore::map)
                .optional();
    }

    /** A page of the tenant's requests of one status (all when null), by creation time. */
    public List<IntakeRequest> list(TenantId tenant, IntakeStatus status, boolean newestFirst, long offset,
            int limit) {
        String direction = newestFirst ? "desc" : "asc";
        return jdbc.sql("select " + COLUMNS + """
                 from intake_requests
                where tenant_id = :tenant and (cast(:status as varchar) is null or status = :status)
                order by created_at %s, id %s
                limit :limit offset :offset""".formatted(direction, direction))
                .param("tenant", tenant.value())
                .param("status", status == null ? null : status.value())
                .param("limit", limit)
                .param("offset", offset)
                .query(IntakeStore::map)
                .list();
    }

    public long count(TenantId tenant, IntakeStatus status) {
        return jdbc.sql("""
                select count(*) from intake_requests
                 where tenant_id = :tenant and (cast(:status as varchar) is null or status = :status)""")
                .param("tenant", tenant.value())
                .param("status", status == null ? null : status.value())
                .query(Long.class)
                .single();
    }

    public boolean recordTicket(TenantId tenant, UUID inboundEmailId, String ticketRef) {
        return jdbc.sql("""
                update intake_requests set ticket_ref = ?, updated_at = now()
                 where tenant_id = ? and inbound_email_id = ?""")
                .params(ticketRef, tenant.value(), inboundEmailId)
                .update() == 1;
    }

    public void insertCorrection(IntakeRequest request, String field, String extractedJson, double confidence,
            String correctedJson, UUID correctedBy, Instant now) {
        jdbc.sql("""
                insert into intake_corrections (id, tenant_id, request_id, field, extracted_value,
                    extracted_confidence, corrected_value, engine, corrected_by, created_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?)""")
                .params(UUID.randomUUID(), request.tenantId().value(), request.id(), field, extractedJson,
                        BigDecimal.valueOf(confidence).setScale(3, java.math.RoundingMode.HALF_EVEN),
                        correctedJson, clip(request.engine(), 16), correctedBy, ts(now))
                .update();
    }

    public List<Correction> corrections(TenantId tenant, UUID requestId) {
        return jdbc.sql("""
                select field, extracted_value::text as extracted, extracted_confidence,
                       corrected_value::text as corrected
                  from intake_corrections where tenant_id = ? and request_id = ? order by field""")
                .params(tenant.value(), requestId)
                .query((rs, row) -> new Correction(rs.getString("field"), rs.getString("extracted"),
                        rs.getBigDecimal("extracted_confidence"), rs.getString("corrected")))
                .list();
    }

    /** The tenant's requests by status, outcome and engine (one engine when given). */
    public List<Count> counts(TenantId tenant, String engine) {
        return jdbc.sql("""
                select status, outcome, engine, count(*) as requests from intake_requests
                 where tenant_id = :tenant and (cast(:engine as varchar) is null or engine = :engine)
                 group by status, outcome, engine order by status, outcome, engine""")
                .param("tenant", tenant.value())
                .param("engine", engine)
                .query((rs, row) -> new Count(rs.getString("status"), rs.getString("outcome"),
                        rs.getString("engine"), rs.getLong("requests")))
                .list();
    }

    /** How often each field was corrected on the tenant's approved requests (of one engine when given). */
    public List<FieldCount> correctionCounts(TenantId tenant, String engine) {
        return jdbc.sql("""
                select c.field, count(*) as corrections from intake_corrections c
                  join intake_requests r on r.id = c.request_id and r.tenant_id = c.tenant_id
                 where c.tenant_id = :tenant and r.status = 'approved'
                   and (cast(:engine as varchar) is null or r.engine = :engine)
                 group by c.field order by c.field""")
                .param("tenant", tenant.value())
                .param("engine", engine)
                .query((rs, row) -> new FieldCount(rs.getString("field"), rs.getLong("corrections")))
                .list();
    }

    /** The requests linked to the client, oldest first. */
    public List<IntakeRequest> ofClient(TenantId tenant, ClientId client) {
        return jdbc.sql("select " + COLUMNS
                + " from intake_requests where tenant_id = ? and client_id = ? order by created_at, id")
                .params(tenant.value(), client.value())
                .query(IntakeStore::map)
                .list();
    }

    /** Replaces what a request holds about its sender: address, subject, extraction and corrected values. */
    public void erase(IntakeRequest request, String erasedExtraction) {
        jdbc.sql("""
                update intake_requests set from_address = null, subject = null, message_id = null,
                    extraction = cast(? as jsonb), reject_reason = null, review_reason = null, updated_at = now()
                 where tenant_id = ? and id = ?""")
                .params(erasedExtraction, request.tenantId().value(), request.id())
                .update();
        jdbc.sql("""
                update intake_corrections set extracted_value = null, corrected_value = null
                 where tenant_id = ? and request_id = ?""")
                .params(request.tenantId().value(), request.id())
                .update();
    }

    /** Points the requests of a client merged into another at the client it was merged into. */
    public int moveClient(TenantId tenant, ClientId from, ClientId to) {
        return jdbc.sql(
                "update intake_requests set client_id = ?, updated_at = now() where tenant_id = ? and client_id = ?")
                .params(to.value(), tenant.value(), from.value())
                .update();
    }

    /** Counts per key of a list of rows. */
    public static Map<String, Long> sum(List<Count> counts, java.util.function.Function<Count, String> key) {
        Map<String, Long> sums = new LinkedHashMap<>();
        counts.forEach(c -> sums.merge(key.apply(c), c.requests(), Long::sum));
        return sums;
    }

    private static IntakeRequest map(ResultSet rs, int row) throws SQLException {
        UUID client = rs.getObject("client_id", UUID.class);
        return new IntakeRequest(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant_id")),
                rs.getObject("inbound_email_id", UUID.class), rs.getString("message_id"),
                rs.getString("from_address"), rs.getString("subject"), instant(rs, "received_at"),
                Classification.valueOf(rs.getString("classification").toUpperCase(Locale.ROOT)),
                rs.getString("engine"), rs.getString("model"), rs.getString("extraction"),
                strings(rs.getArray("low_confidence")),
                IntakeStatus.find(rs.getString("status")).orElseThrow(),
                Outcome.find(rs.getString("outcome")).orElseThrow(), rs.getString("review_reason"),
                client == null ? null : ClientId.of(client), rs.getObject("quote_id", UUID.class),
                rs.getString("quote_number"), rs.getObject("reply_to_quote_id", UUID.class),
                rs.getString("reply_to_quote_number"), rs.getString("ticket_ref"),
                rs.getObject("reviewed_by", UUID.class), instant(rs, "reviewed_at"), rs.getString("reject_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replace("\u0000", "");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
