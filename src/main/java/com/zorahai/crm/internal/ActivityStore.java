package com.zorahai.crm.internal;

import static com.zorahai.crm.internal.ClientStore.instant;
import static com.zorahai.crm.internal.ClientStore.ts;

import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code activities} table: the timelines of clients.
 */
@Repository
class ActivityStore {

    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, client_id, type, occurred_at, summary, subject_type, subject_id,"
            + " properties, source_event_id, created_by, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActivityStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds the entry; {@code false} when an entry of the same source event is already there. */
    boolean insert(TenantId tenant, Activity activity) {
        return jdbc.sql("""
                insert into activities (id, tenant_id, client_id, type, occurred_at, summary, subject_type,
                    subject_id, properties, source_event_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                on conflict (tenant_id, source_event_id) where source_event_id is not null do nothing""")
                .params(activity.id(), tenant.value(), activity.clientId().value(), activity.type().value(),
                        ts(activity.occurredAt()), activity.summary(), activity.subjectType(),
                        activity.subjectId(), json.writeValueAsString(activity.properties()),
                        activity.sourceEventId(), activity.createdBy(), ts(activity.createdAt()))
                .update() == 1;
    }

    boolean existsForEvent(TenantId tenant, String sourceEventId) {
        return jdbc.sql("select count(*) from activities where tenant_id = ? and source_event_id = ?")
                .params(tenant.value(), sourceEventId)
                .query(Long.class)
                .single() > 0;
    }

    /** A page of the client's timeline, newest first. */
    Page<Activity> page(TenantId tenant, ClientId client, int page, int size) {
        long total = jdbc.sql("select count(*) from activities where tenant_id = ? and client_id = ?")
                .params(tenant.value(), client.value())
                .query(Long.class)
                .single();
        List<Activity> items = jdbc.sql("select " + COLUMNS + " from activities where tenant_id = ?"
                + " and client_id = ? order by occurred_at desc, created_at desc, id desc limit ? offset ?")
                .params(tenant.value(), client.value(), size, (long) page * size)
                .query(this::row)
                .list();
        return new Page<>(items, page, size, total);
    }

    /** The whole timeline of the client, oldest first. */
    List<Activity> all(TenantId tenant, ClientId client) {
        return jdbc.sql("select " + COLUMNS + " from activities where tenant_id = ? and client_id = ?"
                + " order by occurred_at, created_at, id")
                .params(tenant.value(), client.value())
                .query(this::row)
                .list();
    }

    /** Moves the timeline of {@code from} to {@code to}. */
    int move(TenantId tenant, ClientId from, ClientId to) {
        return jdbc.sql("update activities set client_id = ? where tenant_id = ? and client_id = ?")
                .params(to.value(), tenant.value(), from.value())
                .update();
    }

    /** Removes what the entries say (summaries and properties), keeping what happened, when, and about what. */
    int anonymise(TenantId tenant, ClientId client) {
        return jdbc.sql("update activities set summary = null, properties = '{}'::jsonb"
                + " where tenant_id = ? and client_id = ?")
                .params(tenant.value(), client.value())
                .update();
    }

    private Activity row(ResultSet rs, int n) throws SQLException {
        return new Activity(rs.getObject("id", UUID.class), ClientId.of(rs.getObject("client_id", UUID.class)),
                ActivityType.find(rs.getString("type")).orElse(ActivityType.NOTE), instant(rs, "occurred_at"),
                rs.getString("summary"), rs.getString("subject_type"), rs.getString("subject_id"),
                json.readValue(rs.getString("properties"), PROPERTIES), rs.getString("source_event_id"),
                rs.getObject("created_by", UUID.class), instant(rs, "created_at"));
    }
}
