package com.zorahai.telephony.internal;

import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code call_records} table: one row per VAPI call and tenant. Status updates create or move the row; the
 * end-of-call report completes it once (a second report for the call changes nothing).
 */
@Component
public class CallRecordStore {

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CallRecordStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a list of calls is filtered by; nulls match everything. */
    public record Filter(Instant from, Instant to, UUID clientId, String outcome, String direction) {
    }

    /** A call's status moved; creates the row when it is the first message of the call. */
    public void status(TenantId tenant, String vapiCallId, String direction, UUID phoneNumberId, String phoneNumber,
            String caller, UUID clientId, String assistantId, String status, Instant startedAt, String endedReason) {
        jdbc.sql("""
                insert into call_records (id, tenant_id, vapi_call_id, phone_number_id, phone_number, direction,
                    caller, client_id, assistant_id, status, started_at, ended_reason)
                values (:id, :tenant, :call, :numberId, :number, :direction, :caller, :client, :assistant, :status,
                    :started, :reason)
                on conflict (tenant_id, vapi_call_id) do update set
                    status = excluded.status,
                    started_at = coalesce(call_records.started_at, excluded.started_at),
                    ended_reason = coalesce(excluded.ended_reason, call_records.ended_reason),
                    updated_at = now()
                 where call_records.report_received_at is null""")
                .param("id", UUID.randomUUID())
                .param("tenant", tenant.value())
                .param("call", vapiCallId)
                .param("numberId", phoneNumberId)
                .param("number", phoneNumber)
                .param("direction", direction)
                .param("caller", caller)
                .param("client", clientId)
                .param("assistant", assistantId)
                .param("status", status)
                .param("started", offset(startedAt))
                .param("reason", endedReason)
                .update();
    }

    /** Appends a final transcript line said during the call. */
    public void appendLive(TenantId tenant, String vapiCallId, String direction, Map<String, Object> line) {
        String entry = json.writeValueAsString(List.of(line));
        int updated = jdbc
                .sql("""
                        update call_records set live_transcript = coalesce(live_transcript, '[]'::jsonb) || cast(:entry as jsonb),
                            updated_at = now()
                         where tenant_id = :tenant and vapi_call_id = :call and report_received_at is null""")
                .param("entry", entry)
                .param("tenant", tenant.value())
                .param("call", vapiCallId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into call_records (id, tenant_id, vapi_call_id, direction, status, live_transcript)
                    values (:id, :tenant, :call, :direction, 'in-progress', cast(:entry as jsonb))
                    on conflict (tenant_id, vapi_call_id) do nothing""")
                    .param("id", UUID.randomUUID())
                    .param("tenant", tenant.value())
                    .param("call", vapiCallId)
                    .param("direction", direction)
                    .param("entry", entry)
                    .update();
        }
    }

    /**
     * Completes the call from its report; empty when the call already had its report (nothing changes then).
     *
     * @param keepTranscript false drops transcript, turns and summary (the tenant does not keep them)
     */
    public Optional<UUID> report(TenantId tenant, CallReport report, UUID phoneNumberId, UUID clientId,
            UUID queueEntryId, boolean keepTranscript) {
        return jdbc.sql("""
                insert into call_records (id, tenant_id, vapi_call_id, phone_number_id, phone_number, direction,
                    caller, client_id, queue_entry_id, assistant_id, status, started_at, ended_at, duration_seconds,
                    ended_reason, outcome, cost_amount, cost_currency, transcript, transcript_turns, summary,
                    structured_data, success_evaluation, recording_url, report_received_at)
                values (:id, :tenant, :call, :numberId, :number, :direction, :caller, :client, :queue, :assistant,
                    'ended', :started, :ended, :duration, :reason, :outcome, :cost, :currency, :transcript,
                    cast(:turns as jsonb), :summary, cast(:structured as jsonb), :success, :recording, now())
                on conflict (tenant_id, vapi_call_id) do update set
                    phone_number_id = coalesce(excluded.phone_number_id, call_records.phone_number_id),
                    phone_number = coalesce(excluded.phone_number, call_records.phone_number),
                    direction = excluded.direction,
                    caller = coalesce(excluded.caller, call_records.caller),
                    client_id = coalesce(excluded.client_id, call_records.client_id),
                    queue_entry_id = coalesce(excluded.queue_entry_id, call_records.queue_entry_id),
                    assistant_id = coalesce(excluded.assistant_id, call_records.assistant_id),
                    status = 'ended',
                    started_at = coalesce(excluded.started_at, call_records.started_at),
                    ended_at = excluded.ended_at,
                    duration_seconds = excluded.duration_seconds,
                    ended_reason = excluded.ended_reason,
                    outcome = excluded.outcome,
                    cost_amount = excluded.cost_amount,
                    cost_currency = excluded.cost_currency,
                    transcript = excluded.transcript,
                    transcript_turns = excluded.transcript_turns,
                    live_transcript = case when excluded.transcript is null then null
                                           else call_records.live_transcript end,
                    summary = excluded.summary,
                    structured_data = excluded.structured_data,
                    success_evaluation = excluded.success_evaluation,
                    recording_url = excluded.recording_url,
                    report_received_at = now(),
                    updated_at = now()
                 where call_records.report_received_at is null
                returning id""")
                .param("id", UUID.randomUUID())
                .param("tenant", tenant.value())
                .param("call", report.vapiCallId())
                .param("numberId", phoneNumberId)
                .param("number", report.phoneNumber())
                .param("direction", report.direction())
                .param("caller", report.customerNumber())
                .param("client", clientId)
                .param("queue", queueEntryId)
                .param("assistant", report.assistantId())
                .param("started", offset(report.startedAt()))
                .param("ended", offset(report.endedAt()))
                .param("duration", report.durationSeconds())
                .param("reason", report.endedReason())
                .param("outcome", report.outcome())
                .param("cost", report.costUsd())
                .param("currency", report.costUsd() == null ? null : "USD")
                .param("transcript", keepTranscript ? report.transcript() : null)
                .param("turns", keepTranscript && !report.turns().isEmpty()
                        ? json.writeValueAsString(report.turns())
                        : null)
                .param("summary", keepTranscript ? report.summary() : null)
                .param("structured", report.structuredData() == null
                        ? null
                        : json.writeValueAsString(report.structuredData()))
                .param("success", report.successEvaluation())
                .param("recording", report.recordingUrl())
                .query(UUID.class)
                .optional();
    }

    public Optional<CallRecord> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from call_records where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.value())
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public Optional<CallRecord> findByVapiId(TenantId tenant, String vapiCallId) {
        return jdbc.sql("select * from call_records where tenant_id = :tenant and vapi_call_id = :call")
                .param("tenant", tenant.value())
                .param("call", vapiCallId)
                .query(this::map)
                .optional();
    }

    public List<CallRecord> list(TenantId tenant, Filter filter, boolean newestFirst, int page, int size) {
        return jdbc.sql("select * from call_records where " + where() + " order by coalesce(started_at, created_at) "
                + (newestFirst ? "desc" : "asc") + ", id limit :size offset :offset")
                .params(params(tenant, filter))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::map)
                .list();
    }

    public long count(TenantId tenant, Filter filter) {
        return jdbc.sql("select count(*) from call_records where " + where())
                .params(params(tenant, filter))
                .query(Long.class)
                .single();
    }

    /** Every call of the client, oldest first, for the client's export. */
    public List<CallRecord> ofClient(TenantId tenant, UUID clientId) {
        return jdbc.sql("select * from call_records where tenant_id = :tenant and client_id = :client "
                + "order by coalesce(started_at, created_at), id")
                .param("tenant", tenant.value())
                .param("client", clientId)
                .query(this::map)
                .list();
    }

    /** Blanks the personal data of the client's calls; returns how many calls were erased. */
    public int erase(TenantId tenant, UUID clientId) {
        return jdbc.sql("""
                update call_records set caller = null, transcript = null, transcript_turns = null,
                    live_transcript = null, summary = null, structured_data = null, recording_url = null,
                    erased_at = now(), updated_at = now()
                 where tenant_id = :tenant and client_id = :client""")
                .param("tenant", tenant.value())
                .param("client", clientId)
                .update();
    }

    /** The vapi call ids of the client's calls (their raw messages are erased too). */
    public List<String> vapiCallIds(TenantId tenant, UUID clientId) {
        return jdbc.sql("select vapi_call_id from call_records where tenant_id = :tenant and client_id = :client")
                .param("tenant", tenant.value())
                .param("client", clientId)
                .query(String.class)
                .list();
    }

    private static String where() {
        return """
                tenant_id = :tenant
                   and (cast(:from as timestamptz) is null or coalesce(started_at, created_at) >= :from)
                   and (cast(:to as timestamptz) is null or coalesce(started_at, created_at) < :to)
                   and (cast(:client as uuid) is null or client_id = :client)
                   and (cast(:outcome as varchar) is null or outcome = :outcome)
                   and (cast(:direction as varchar) is null or direction = :direction)""";
    }

    private static Map<String, Object> params(TenantId tenant, Filter filter) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("tenant", tenant.value());
        params.put("from", offset(filter.from()));
        params.put("to", offset(filter.to()));
        params.put("client", filter.clientId());
        params.put("outcome", filter.outcome());
        params.put("direction", filter.direction());
        return params;
    }

    private CallRecord map(ResultSet rs, int row) throws SQLException {
        BigDecimal cost = rs.getBigDecimal("cost_amount");
        String currency = rs.getString("cost_currency");
        return new CallRecord(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                rs.getString("vapi_call_id"), rs.getObject("phone_number_id", UUID.class),
                rs.getString("phone_number"), rs.getString("direction"), rs.getString("caller"),
                rs.getObject("client_id", UUID.class), rs.getObject("queue_entry_id", UUID.class),
                rs.getString("assistant_id"), rs.getString("status"), PhoneNumberStore.instant(rs, "started_at"),
                PhoneNumberStore.instant(rs, "ended_at"), (Integer) rs.getObject("duration_seconds"),
                rs.getString("ended_reason"), rs.getString("outcome"), cost, currency,
                rs.getString("transcript"), list(rs.getString("transcript_turns")),
                list(rs.getString("live_transcript")), rs.getString("summary"),
                rs.getString("structured_data") == null ? null : json.readValue(rs.getString("structured_data"), MAP),
                rs.getString("success_evaluation"), rs.getString("recording_url"),
                PhoneNumberStore.instant(rs, "report_received_at"), PhoneNumberStore.instant(rs, "erased_at"),
                PhoneNumberStore.instant(rs, "created_at"));
    }

    private List<Map<String, Object>> list(String value) {
        return value == null ? null : new ArrayList<>(json.readValue(value, LIST));
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
