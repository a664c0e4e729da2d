package com.zorahai.analytics.internal;

import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reports_log} table: one row per tenant, day and channel, ever. */
@Repository
public class ReportsLog {

    /** A report handed over for delivery. */
    public record Entry(UUID id, LocalDate reportDate, String channel, String status, String recipients, String body,
            String reference, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    ReportsLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the day on the channel; {@code false} when it was claimed before (the report went out already). */
    boolean claim(TenantId tenant, UUID id, LocalDate date, String channel, String recipients, String body,
            Instant at) {
        return jdbc.sql("""
                insert into reports_log (id, tenant_id, report_date, channel, status, recipients, body, sent_at)
                values (?, ?, ?, ?, 'queued', ?, ?, ?)
                on conflict (tenant_id, report_date, channel) do nothing""")
                .params(id, tenant.value(), date, channel, recipients, body, Timestamp.from(at))
                .update() == 1;
    }

    void reference(UUID id, String reference) {
        jdbc.sql("update reports_log set reference = ? where id = ?").params(reference, id).update();
    }

    boolean has(TenantId tenant, LocalDate date, String channel) {
        return jdbc.sql("select count(*) from reports_log where tenant_id = ? and report_date = ? and channel = ?")
                .params(tenant.value(), date, channel)
                .query(Long.class)
                .single() > 0;
    }

    /** A page of the tenant's reports, newest day first. */
    public Page<Entry> page(TenantId tenant, int page, int size) {
        long total = jdbc.sql("select count(*) from reports_log where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
        List<Entry> items = jdbc.sql("select * from reports_log where tenant_id = ?"
                + " order by report_date desc, channel limit ? offset ?")
                .params(tenant.value(), size, (long) page * size)
                .query((rs, n) -> new Entry(rs.getObject("id", UUID.class),
                        rs.getObject("report_date", LocalDate.class), rs.getString("channel"), rs.getString("status"),
                        rs.getString("recipients"), rs.getString("body"), rs.getString("reference"),
                        UnansweredGroups.instant(rs, "sent_at")))
                .list();
        return new Page<>(items, page, size, total);
    }
}
