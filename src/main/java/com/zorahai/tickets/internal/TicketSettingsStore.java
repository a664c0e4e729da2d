package com.zorahai.tickets.internal;

import com.zorahai.tenancy.TenantId;
import com.zorahai.tickets.TicketPriority;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code ticket_settings} table: one row per tenant that changed the defaults.
 */
@Repository
class TicketSettingsStore {

    private final JdbcClient jdbc;

    TicketSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the tenant stored; {@code zone} is the stored zone or {@code fallbackZone}. */
    Optional<TicketSettings> find(TenantId tenant, ZoneId fallbackZone) {
        return jdbc.sql("""
                select time_zone, working_days, work_start_minute, work_end_minute, sla_urgent_hours,
                       sla_high_hours, sla_normal_hours, sla_low_hours, updated_at
                  from ticket_settings where tenant_id = ?""")
                .param(tenant.value())
                .query((rs, n) -> row(rs, fallbackZone))
                .optional();
    }

    void save(TenantId tenant, TicketSettings settings, UUID updatedBy) {
        Map<TicketPriority, Integer> sla = settings.slaHours();
        jdbc.sql("""
                insert into ticket_settings (tenant_id, time_zone, working_days, work_start_minute, work_end_minute,
                                             sla_urgent_hours, sla_high_hours, sla_normal_hours, sla_low_hours,
                                             updated_by, updated_at)
                values (?, ?, ?::smallint[], ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set time_zone = excluded.time_zone,
                    working_days = excluded.working_days, work_start_minute = excluded.work_start_minute,
                    work_end_minute = excluded.work_end_minute, sla_urgent_hours = excluded.sla_urgent_hours,
                    sla_high_hours = excluded.sla_high_hours, sla_normal_hours = excluded.sla_normal_hours,
                    sla_low_hours = excluded.sla_low_hours, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .params(tenant.value(), settings.timeZone() == null ? null : settings.timeZone().getId(),
                        days(settings.workingDays()), settings.startMinute(), settings.endMinute(),
                        sla.get(TicketPriority.URGENT), sla.get(TicketPriority.HIGH), sla.get(TicketPriority.NORMAL),
                        sla.get(TicketPriority.LOW), updatedBy, Timestamp.from(settings.updatedAt()))
                .update();
    }

    private static TicketSettings row(ResultSet rs, ZoneId fallbackZone) throws SQLException {
        String zoneId = rs.getString("time_zone");
        ZoneId stored = zoneId == null ? null : ZoneId.of(zoneId);
        Map<TicketPriority, Integer> sla = new EnumMap<>(TicketPriority.class);
        sla.put(TicketPriority.URGENT, rs.getInt("sla_urgent_hours"));
        sla.put(TicketPriority.HIGH, rs.getInt("sla_high_hours"));
        sla.put(TicketPriority.NORMAL, rs.getInt("sla_normal_hours"));
        sla.put(TicketPriority.LOW, rs.getInt("sla_low_hours"));
        Timestamp updated = rs.getTimestamp("updated_at");
        return new TicketSettings(stored, stored == null ? fallbackZone : stored, days(rs.getArray("working_days")),
                rs.getInt("work_start_minute"), rs.getInt("work_end_minute"), sla,
                updated == null ? null : updated.toInstant());
    }

    private static List<DayOfWeek> days(Array array) throws SQLException {
        List<DayOfWeek> days = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            days.add(DayOfWeek.of(((Number) value).intValue()));
        }
        return days;
    }

    private static String days(List<DayOfWeek> days) {
        return "{" + String.join(",", days.stream().map(d -> String.valueOf(d.getValue())).toList()) + "}";
    }
}
