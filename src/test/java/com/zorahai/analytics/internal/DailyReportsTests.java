package com.zorahai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.analytics.AnalyticsTestSupport;
import com.zorahai.analytics.TrainerReportReady;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The daily report at fixed instants: due from the tenant's hour in its own time zone, about the tenant's own day,
 * caught up once after a missed run, and never sent twice.
 */
@RecordApplicationEvents
class DailyReportsTests extends AnalyticsTestSupport {

    @Autowired
    DailyReports reports;

    @Autowired
    ReportSettingsRecords settings;

    @Autowired
    ApplicationEvents events;

    private TenantId clinic(String zone, String trainer) {
        return newTenant(zone, Map.of("trainer_whatsapp_number", trainer));
    }

    private List<DailyReports.Queued> run(TenantId tenant, String instant) {
        Tenant config = tenants.get(tenant);
        return reports.runFor(config, Instant.parse(instant));
    }

    private List<LocalDate> reported(TenantId tenant, String channel) {
        return jdbc.sql("select report_date from reports_log where tenant_id = ? and channel = ? order by 1")
                .params(tenant.value(), channel).query(LocalDate.class).list();
    }

    @Test
    void eachTenantGetsItsOwnYesterdayFromItsOwnHour() {
        TenantId beirut = clinic("Asia/Beirut", "+96170000001");
        TenantId losAngeles = clinic("America/Los_Angeles", "+13105550101");
        // Beirut is UTC+2 in November, Los Angeles UTC-8
        record(beirut, EventTypes.BOOKING_MADE, "b1", Instant.parse("2026-11-22T22:00:00Z")); // 23 Nov, 00:00 Beirut
        record(beirut, EventTypes.BOOKING_MADE, "b2", Instant.parse("2026-11-23T21:59:59Z")); // 23 Nov, 23:59:59
        record(beirut, EventTypes.BOOKING_MADE, "b0", Instant.parse("2026-11-22T21:59:59Z")); // 22 Nov
        record(losAngeles, EventTypes.BOOKING_MADE, "l1", Instant.parse("2026-11-23T07:30:00Z")); // 22 Nov, 23:30 LA

        // 07:00 UTC: 09:00 in Beirut (past 8), 23:00 on 22 November in Los Angeles (past 8 too)
        assertThat(run(beirut, "2026-11-24T07:00:00Z")).extracting(DailyReports.Queued::date)
                .containsExactly(LocalDate.of(2026, 11, 23));
        assertThat(run(losAngeles, "2026-11-24T07:00:00Z")).extracting(DailyReports.Queued::date)
                .containsExactly(LocalDate.of(2026, 11, 22));

        List<TrainerReportReady> ready = events.stream(TrainerReportReady.class).toList();
        assertThat(ready).hasSize(2);
        TrainerReportReady toBeirut = ready.stream().filter(r -> r.tenantId().equals(beirut)).findFirst().orElseThrow();
        assertThat(toBeirut.trainerNumber()).isEqualTo("+96170000001");
        assertThat(toBeirut.reportDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(toBeirut.text()).contains("daily report for Monday 23 November 2026")
                .contains("Bookings: 2 made, 0 cancelled, 0 no-shows").contains("No unanswered questions.");
        assertThat(toBeirut.templateName()).isEqualTo("daily_report");
        assertThat(toBeirut.templateParameters()).hasSize(6).element(3).isEqualTo("2");
        assertThat(toBeirut.reportId()).isNotNull();
        TrainerReportReady toLosAngeles = ready.stream().filter(r -> r.tenantId().equals(losAngeles)).findFirst()
                .orElseThrow();
        assertThat(toLosAngeles.text()).contains("Sunday 22 November 2026").contains("Bookings: 1 made");

        assertThat(jdbc.sql("select status from reports_log where tenant_id = ?").param(beirut.value())
                .query(String.class).single()).isEqualTo("queued");
    }

    @Test
    void aReportGoesOutOnceHoweverManyRunsAndAMissedDayIsCaughtUpOnce() {
        TenantId tenant = clinic("Asia/Beirut", "+96170000002");
        record(tenant, EventTypes.WHATSAPP_UNANSWERED, "c", Instant.parse("2026-11-23T08:00:00Z"),
                Map.of("question", "Do you treat tattoos?"));
        record(tenant, EventTypes.WHATSAPP_UNANSWERED, "c", Instant.parse("2026-11-23T09:00:00Z"),
                Map.of("question", "do you treat tattoo"));

        assertThat(run(tenant, "2026-11-23T07:00:00Z")).hasSize(1); // 22 November
        assertThat(run(tenant, "2026-11-23T07:10:00Z")).isEmpty();
        assertThat(run(tenant, "2026-11-23T21:50:00Z")).isEmpty();
        // nothing ran on 24 November; before the hour on the 25th the missed 23rd is due, and goes out once
        assertThat(run(tenant, "2026-11-25T04:00:00Z")).extracting(DailyReports.Queued::date)
                .containsExactly(LocalDate.of(2026, 11, 23));
        assertThat(run(tenant, "2026-11-25T05:00:00Z")).isEmpty();
        // from 08:00 in Beirut the 24th is due
        assertThat(run(tenant, "2026-11-25T06:00:00Z")).extracting(DailyReports.Queued::date)
                .containsExactly(LocalDate.of(2026, 11, 24));
        assertThat(run(tenant, "2026-11-25T06:00:00Z")).isEmpty();

        assertThat(reported(tenant, DailyReports.WHATSAPP)).containsExactly(LocalDate.of(2026, 11, 22),
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24));
        assertThat(events.stream(TrainerReportReady.class)).hasSize(3);
        TrainerReportReady caughtUp = events.stream(TrainerReportReady.class)
                .filter(r -> r.reportDate().equals(LocalDate.of(2026, 11, 23))).findFirst().orElseThrow();
        assertThat(caughtUp.text()).contains("Top unanswered questions:\n1. Do you treat tattoos? (2×)")
                .contains("Bot answered: 0 of 2 (0%)");
        assertThat(caughtUp.templateParameters().getLast()).isEqualTo("Do you treat tattoos?");
    }

    @Test
    void theHourAndTheRecipientsComeFromTheTenantsSettings() {
        TenantId tenant = clinic("Asia/Tokyo", "+81300000000");
        settings.update(tenant, new ReportSettingsRecords.Input(true, 20, "+81311112222",
                List.of("trainer@clinic.example", "owner@clinic.example")), null);
        record(tenant, EventTypes.WHATSAPP_MESSAGE_RECEIVED, "c1", Instant.parse("2026-11-23T01:00:00Z"));

        // 10:59 UTC is 19:59 in Tokyo: the 23rd is not due yet, the 22nd is
        assertThat(run(tenant, "2026-11-24T10:59:00Z")).extracting(DailyReports.Queued::date)
                .containsOnly(LocalDate.of(2026, 11, 22));
        assertThat(run(tenant, "2026-11-24T11:00:00Z")).extracting(DailyReports.Queued::date,
                DailyReports.Queued::channel).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 23), "whatsapp"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 23), "email"));

        assertThat(events.stream(TrainerReportReady.class))
                .allSatisfy(r -> assertThat(r.trainerNumber()).isEqualTo("+81311112222"));
        Map<String, Object> email = jdbc.sql("select e.subject, e.to_addresses::text as recipients, e.html_body,"
                + " l.reference from outbound_emails e join reports_log l on l.reference = e.id::text"
                + " where l.tenant_id = ? and l.channel = 'email' and l.report_date = ?")
                .params(tenant.value(), LocalDate.of(2026, 11, 23)).query().singleRow();
        assertThat(email.get("subject")).isEqualTo("Daily report for 23 November 2026");
        assertThat(email.get("recipients").toString()).contains("trainer@clinic.example")
                .contains("owner@clinic.example");
        assertThat(email.get("html_body").toString()).contains("Conversations").contains("No question went unanswered");
        assertThat(reported(tenant, DailyReports.EMAIL)).hasSize(2);
    }

    @Test
    void noReportWhenTurnedOffOrWhenNobodyWouldGetIt() {
        TenantId off = clinic("UTC", "+4420000000");
        settings.update(off, new ReportSettingsRecords.Input(false, 8, null, List.of()), null);
        assertThat(run(off, "2026-11-24T09:00:00Z")).isEmpty();

        TenantId nobody = newTenant("UTC");
        assertThat(run(nobody, "2026-11-24T09:00:00Z")).isEmpty();
        assertThat(reported(nobody, DailyReports.WHATSAPP)).isEmpty();
    }

    @Test
    void theScheduledRunCoversEveryTenantWithAnalytics() {
        TenantId tenant = clinic("Pacific/Auckland", "+6421000000");
        assertThat(reports.run(Instant.parse("2026-11-24T09:00:00Z")))
                .filteredOn(q -> q.tenant().equals(tenant))
                .extracting(DailyReports.Queued::date).containsExactly(LocalDate.of(2026, 11, 23));
    }
}
