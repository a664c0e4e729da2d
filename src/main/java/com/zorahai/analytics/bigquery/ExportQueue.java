package com.zorahai.analytics.bigquery;

import com.zorahai.tenancy.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events waiting for BigQuery ({@code analytics_export_queue}) and each tenant's export cursor
 * ({@code analytics_export_cursors}: how far it got, how the last attempt went).
 */
@Repository
class ExportQueue {

    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };

    /** An event to export. */
    record Row(UUID id, String tenantId, String type, String subjectId, Map<String, Object> properties,
            Instant occurredAt, Instant recordedAt) {
    }

    /** A tenant's cursor. */
    record Cursor(String tenantId, Instant exportedThrough, long exportedEvents, Instant lastSuccessAt,
            Instant lastFailureAt, String lastError, int consecutiveFailures) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExportQueue(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Tenants with events waiting. */
    List<TenantId> tenants() {
        return jdbc.sql("select distinct tenant_id from analytics_export_queue order by tenant_id")
                .query(String.class)
                .list()
                .stream()
                .filter(TenantId::isValid)
                .map(TenantId::of)
                .toList();
    }

    /** The oldest waiting events of the tenant. */
    List<Row> next(TenantId tenant, int limit) {
        return jdbc.sql("""
                select e.id, e.tenant_id, e.type, e.subject_id, e.properties, e.occurred_at, e.recorded_at
                from analytics_export_queue q join analytics_events e on e.id = q.event_id
                where q.tenant_id = ? order by q.recorded_at, q.event_id limit ?""")
                .params(tenant.value(), limit)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                        rs.getString("type"), rs.getString("subject_id"),
                        json.readValue(rs.getString("properties"), PROPERTIES),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Takes exported events off the queue. */
    void remove(List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from analytics_export_queue where event_id = any(?)")
                    .param(ids.toArray(UUID[]::new))
                    .update();
        }
    }

    /** When the oldest waiting event of the tenant was recorded. */
    Optional<Instant> oldest(TenantId tenant) {
        return jdbc.sql("select min(recorded_at) from analytics_export_queue where tenant_id = ?")
                .param(tenant.value())
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    void succeeded(TenantId tenant, Instant through, int events, Instant at) {
        jdbc.sql("""
                insert into analytics_export_cursors (tenant_id, exported_through, exported_events, last_success_at,
                    consecutive_failures)
                values (?, ?, ?, ?, 0)
                on conflict (tenant_id) do update set
                    exported_through = greatest(analytics_export_cursors.exported_through, excluded.exported_through),
                    exported_events = analytics_export_cursors.exported_events + excluded.exported_events,
                    last_success_at = excluded.last_success_at, consecutive_failures = 0""")
                .params(tenant.value(), Timestamp.from(through), events, Timestamp.from(at))
                .update();
    }

    void failed(TenantId tenant, String error, Instant at) {
        jdbc.sql("""
                insert into analytics_export_cursors (tenant_id, last_failure_at, last_error, consecutive_failures)
                values (?, ?, ?, 1)
                on conflict (tenant_id) do update set last_failure_at = excluded.last_failure_at,
                    last_error = excluded.last_error,
                    consecutive_failures = analytics_export_cursors.consecutive_failures + 1""")
                .params(tenant.value(), Timestamp.from(at), error)
                .update();
    }

    Optional<Cursor> cursor(TenantId tenant) {
        return jdbc.sql("select * from analytics_export_cursors where tenant_id = ?")
                .param(tenant.value())
                .query((rs, n) -> new Cursor(rs.getString("tenant_id"), instant(rs.getTimestamp("exported_through")),
                        rs.getLong("exported_events"), instant(rs.getTimestamp("last_success_at")),
                        instant(rs.getTimestamp("last_failure_at")), rs.getString("last_error"),
                        rs.getInt("consecutive_failures")))
                .optional();
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
