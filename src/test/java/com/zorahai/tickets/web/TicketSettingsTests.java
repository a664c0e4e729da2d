package com.zorahai.tickets.web;

import static com.zorahai.tickets.TicketsApi.TICKETS;
import static com.zorahai.tickets.TicketsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tickets.TicketsApi;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class TicketSettingsTests {

    static final String SETTINGS = TICKETS + "/settings";
    static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    TicketsApi api;
    String tenant;

    @BeforeEach
    void setUp() {
        api = new TicketsApi(mvc, tokens);
        tenant = TicketsApi.newTenant();
    }

    @Test
    void defaultsApplyUntilChanged() {
        assertThat(api.get(tenant, Role.ADMIN, SETTINGS)).hasStatusOk().bodyJson().satisfies(json -> {
            // a tenant the registry does not know works in UTC
            assertThat(json).extractingPath("$.time_zone").isEqualTo("UTC");
            assertThat(json).extractingPath("$.time_zone_source").isEqualTo("tenant");
            assertThat(json).extractingPath("$.working_days").asArray()
                    .containsExactly("mon", "tue", "wed", "thu", "fri");
            assertThat(json).extractingPath("$.working_hours.start").isEqualTo("09:00");
            assertThat(json).extractingPath("$.working_hours.end").isEqualTo("17:00");
            assertThat(json).extractingPath("$.sla_hours.urgent").isEqualTo(2);
            assertThat(json).extractingPath("$.sla_hours.high").isEqualTo(4);
            assertThat(json).extractingPath("$.sla_hours.normal").isEqualTo(8);
            assertThat(json).extractingPath("$.sla_hours.low").isEqualTo(24);
            assertThat(json).extractingPath("$.updated_at").isNull();
        });
    }

    @Test
    void onlyOwnersAndAdminsSeeAndChangeSettings() {
        for (Role role : new Role[]{Role.AGENT, Role.CONSULTANT}) {
            assertThat(api.get(tenant, role, SETTINGS)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(api.put(tenant, role, SETTINGS, "{}")).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(api.put(tenant, Role.OWNER, SETTINGS, "{}")).hasStatusOk().bodyJson()
                .extractingPath("$.updated_at").isNotNull();
    }

    @Test
    void theDueTimeFollowsTheTenantsBusinessHours() {
        MvcTestResult saved = api.put(tenant, Role.ADMIN, SETTINGS, """
                {"time_zone": "Africa/Johannesburg", "working_days": ["Monday", "tue", "wed", "thu", "fri"],
                 "working_hours": {"start": "08:00", "end": "16:00"}, "sla_hours": {"normal": 8, "urgent": 1}}""");
        assertThat(saved).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.time_zone").isEqualTo("Africa/Johannesburg");
            assertThat(json).extractingPath("$.time_zone_source").isEqualTo("settings");
            assertThat(json).extractingPath("$.working_days").asArray()
                    .containsExactly("mon", "tue", "wed", "thu", "fri");
            assertThat(json).extractingPath("$.working_hours.start").isEqualTo("08:00");
            assertThat(json).extractingPath("$.sla_hours.urgent").isEqualTo(1);
            assertThat(json).extractingPath("$.sla_hours.high").isEqualTo(4);
        });
        assertThat(api.get(tenant, Role.ADMIN, SETTINGS)).bodyJson().extractingPath("$.working_hours.end")
                .isEqualTo("16:00");

        // opened on a Friday at 15:00 (a week or two ago): one hour on Friday, seven on Monday
        LocalDate friday = LocalDate.now(JOBURG).minusWeeks(1).with(TemporalAdjusters.previousOrSame(
                DayOfWeek.FRIDAY));
        Instant opened = friday.atTime(LocalTime.of(15, 0)).atZone(JOBURG).toInstant();
        Instant due = friday.plusDays(3).atTime(LocalTime.of(15, 0)).atZone(JOBURG).toInstant();
        MvcTestResult ticket = api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "Weekend", "channel": "phone", "opened_at": "%s"}""".formatted(opened));
        assertThat(ticket).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.sla_due_at").isEqualTo(due.toString());
            assertThat(json).extractingPath("$.sla_breached").isEqualTo(true);
        });
        String id = read(ticket, "$.id");
        List<String> breached = read(api.get(tenant, Role.AGENT, TICKETS + "?breached=true"), "$.items[*].id");
        assertThat(breached).containsExactly(id);

        // urgent: one business hour, so due on Friday at 16:00
        MvcTestResult urgent = api.patch(tenant, Role.AGENT, TICKETS + "/" + id, "{\"priority\": \"urgent\"}");
        assertThat(urgent).hasStatusOk().bodyJson().extractingPath("$.sla_due_at")
                .isEqualTo(friday.atTime(16, 0).atZone(JOBURG).toInstant().toString());
    }

    @Test
    void roundTheClockHoursEndAtMidnight() {
        assertThat(api.put(tenant, Role.ADMIN, SETTINGS, """
                {"time_zone": "Europe/Berlin", "working_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                 "working_hours": {"start": "00:00", "end": "24:00"}}""")).hasStatusOk().bodyJson()
                .extractingPath("$.working_hours.end").isEqualTo("24:00");
        MvcTestResult ticket = api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "Night", "channel": "phone", "priority": "urgent"}""");
        Instant opened = Instant.parse(read(ticket, "$.opened_at"));
        assertThat(Instant.parse(read(ticket, "$.sla_due_at"))).isEqualTo(opened.plusSeconds(2 * 3600));
    }

    @Test
    void invalidSettingsAreNamedAndNothingChanges() {
        assertThat(fields(api.put(tenant, Role.ADMIN, SETTINGS, """
                {"time_zone": "Mars/Base", "working_days": ["mon", "funday", "mon"],
                 "working_hours": {"start": "9am", "end": "24:01"}, "sla_hours": {"urgent": 0, "critical": 3,
                 "low": 5000}}"""))).containsExactlyInAnyOrder("time_zone", "working_days[1]", "working_days[2]",
                "working_hours.start", "working_hours.end", "sla_hours.urgent", "sla_hours.critical", "sla_hours.low");
        assertThat(fields(api.put(tenant, Role.ADMIN, SETTINGS, "{\"working_days\": []}")))
                .containsExactly("working_days");
        assertThat(fields(api.put(tenant, Role.ADMIN, SETTINGS,
                "{\"working_hours\": {\"start\": \"17:00\", \"end\": \"09:00\"}}")))
                .containsExactly("working_hours.end");
        assertThat(fields(api.put(tenant, Role.ADMIN, SETTINGS, "{\"sla_hours\": {\"urgent\": \"soon\"}}")))
                .containsExactly("sla_hours.urgent");
        assertThat(fields(api.put(tenant, Role.ADMIN, SETTINGS, "{\"weekend\": true}"))).containsExactly("weekend");
        assertThat(api.get(tenant, Role.ADMIN, SETTINGS)).bodyJson().extractingPath("$.updated_at").isNull();
    }

    private static List<String> fields(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        return read(result, "$.errors[*].field");
    }
}
