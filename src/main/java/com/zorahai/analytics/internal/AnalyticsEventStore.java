package com.zorahai.analytics.internal;

import com.zorahai.tenancy.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code analytics_events} table and the export queue beside it.
 */
@Repository
public class AnalyticsEventStore {

    static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AnalyticsEventStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds the event; {@code false} when the tenant already has one with this source key. */
    boolean insert(UUID id, TenantId tenant, String type, String subjectId, String sourceEventId,
            Map<String, Object> properties, Instant occurredAt) {
        return jdbc.sql("""
                insert into analytics_events (id, tenant_id, type, subject_id, source_event_id, properties, occurred_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (tenant_id, source_event_id) do nothing""")
                .params(id, tenant.value(), type, subjectId, sourceEventId, json.writeValueAsString(properties),
                        Timestamp.from(occurredAt))
                .update() == 1;
    }

    void queueForExport(UUID id, TenantId tenant) {
        jdbc.sql("insert into analytics_export_queue (event_id, tenant_id, recorded_at)"
                + " select id, tenant_id, recorded_at from analytics_events where id = ?")
                .param(id)
                .update();
    }

    Optional<Object> property(TenantId tenant, String type, String subjectId, String property) {
        return jdbc.sql("select properties from analytics_events where tenant_id = ? and subject_id = ? and type = ?"
                + " order by occurred_at desc limit 1")
                .params(tenant.value(), subjectId, type)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, PROPERTIES).get(property));
    }

    /** A customer's message in a conversation: its id and when it arrived. */
    record Received(String messageId, Instant at) {
    }

    /** The first customer message of the conversation after the bot's last answer, if any. */
    Optional<Received> firstUnanswered(TenantId tenant, String conversation) {
        return jdbc.sql("""
                select properties->>'message_id' as message_id, occurred_at from analytics_events r
                where r.tenant_id = ? and r.subject_id = ? and r.type = ?
                  and r.occurred_at > coalesce((select max(a.occurred_at) from analytics_events a
                      where a.tenant_id = r.tenant_id and a.subject_id = r.subject_id and a.type = ?), '-infinity')
                order by r.occurred_at, r.id limit 1""")
                .params(tenant.value(), conversation, EventTypes.WHATSAPP_MESSAGE_RECEIVED,
                        EventTypes.WHATSAPP_MESSAGE_ANSWERED)
                .query((rs, n) -> new Received(rs.getString("message_id"), rs.getTimestamp("occurred_at").toInstant()))
                .optional();
    }

    /** The latest customer message of the conversation. */
    Optional<Received> latestReceived(TenantId tenant, String conversation) {
        return jdbc.sql("select properties->>'message_id' as message_id, occurred_at from analytics_events"
                + " where tenant_id = ? and subject_id = ? and type = ? order by occurred_at desc, id desc limit 1")
                .params(tenant.value(), conversation, EventTypes.WHATSAPP_MESSAGE_RECEIVED)
                .query((rs, n) -> new Received(rs.getString("message_id"), rs.getTimestamp("occurred_at").toInstant()))
                .optional();
    }
}
