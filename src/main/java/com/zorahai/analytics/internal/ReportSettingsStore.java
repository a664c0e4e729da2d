package com.zorahai.analytics.internal;

import com.zorahai.tenancy.TenantId;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code analytics_settings} table. */
@Repository
class ReportSettingsStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportSettingsStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ReportSettings> find(TenantId tenant) {
        return jdbc.sql("select * from analytics_settings where tenant_id = ?")
                .param(tenant.value())
                .query((rs, n) -> new ReportSettings(rs.getBoolean("report_enabled"), rs.getInt("report_hour"),
                        rs.getString("trainer_whatsapp_number"), json.readValue(rs.getString("staff_emails"), STRINGS),
                        UnansweredGroups.instant(rs, "updated_at"), rs.getObject("updated_by", UUID.class)))
                .optional();
    }

    void save(TenantId tenant, ReportSettings settings) {
        jdbc.sql("""
                insert into analytics_settings (tenant_id, report_enabled, report_hour, trainer_whatsapp_number,
                    staff_emails, updated_at, updated_by)
                values (?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (tenant_id) do update set report_enabled = excluded.report_enabled,
                    report_hour = excluded.report_hour, trainer_whatsapp_number = excluded.trainer_whatsapp_number,
                    staff_emails = excluded.staff_emails, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .params(tenant.value(), settings.reportEnabled(), settings.reportHour(),
                        settings.trainerWhatsappNumber(), json.writeValueAsString(settings.staffEmails()),
                        Timestamp.from(settings.updatedAt()), settings.updatedBy())
                .update();
    }
}
