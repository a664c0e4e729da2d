package com.zorahai.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.analytics.AnalyticsTestSupport;
import com.zorahai.analytics.internal.DailyReports;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class ReportSettingsApiTests extends AnalyticsTestSupport {

    private static final String SETTINGS = "/api/v1/analytics/settings";

    @Autowired
    DailyReports reports;

    private MvcTestResult put(TenantId tenant, String body, Role role) {
        return mvc.put().uri(SETTINGS).header("Authorization", auth(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void defaultsUntilChangedThenWhatWasStored() {
        TenantId tenant = newTenant("Asia/Beirut", Map.of("trainer_whatsapp_number", "+961 70 123 456"));
        assertThat(mvc.get().uri(SETTINGS).header("Authorization", auth(tenant, Role.ADMIN))).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.report_enabled").isEqualTo(true);
                    assertThat(json).extractingPath("$.report_hour").isEqualTo(8);
                    assertThat(json).extractingPath("$.trainer_whatsapp_number").isNull();
                    assertThat(json).extractingPath("$.effective_trainer_whatsapp_number").isEqualTo("+96170123456");
                    assertThat(json).extractingPath("$.staff_emails").asArray().isEmpty();
                    assertThat(json).extractingPath("$.time_zone").isEqualTo("Asia/Beirut");
                    assertThat(json).extractingPath("$.updated_at").isNull();
                });

        assertThat(put(tenant, """
                {"report_hour": 21, "trainer_whatsapp_number": "00961 3 555 666",
                 "staff_emails": ["a@clinic.example", "A@clinic.example", "b@clinic.example"]}
                """, Role.OWNER)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.report_hour").isEqualTo(21);
            assertThat(json).extractingPath("$.trainer_whatsapp_number").isEqualTo("+9613555666");
            assertThat(json).extractingPath("$.effective_trainer_whatsapp_number").isEqualTo("+9613555666");
            assertThat(json).extractingPath("$.staff_emails").isEqualTo(List.of("a@clinic.example",
                    "b@clinic.example"));
            assertThat(json).extractingPath("$.updated_at").isNotNull();
        });
        assertThat(mvc.get().uri(SETTINGS).header("Authorization", auth(tenant, Role.OWNER))).hasStatusOk()
                .bodyJson().extractingPath("$.report_hour").isEqualTo(21);
    }

    @Test
    void invalidSettingsNameTheFieldAndOnlyOwnersAndAdminsMayTouchThem() {
        TenantId tenant = newTenant("UTC");
        assertThat(put(tenant, "{\"report_hour\": 24}", Role.ADMIN)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("report_hour");
        assertThat(put(tenant, "{\"trainer_whatsapp_number\": \"call me\"}", Role.ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("trainer_whatsapp_number");
        assertThat(put(tenant, "{\"staff_emails\": [\"ok@clinic.example\", \"nope\"]}", Role.ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("staff_emails[1]");
        assertThat(put(tenant, "{\"report_hour\": \"eight\"}", Role.ADMIN)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(put(tenant, "{\"report_hour\": 9}", Role.CONSULTANT)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(SETTINGS).header("Authorization", auth(tenant, Role.AGENT)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(SETTINGS).header("Authorization", auth(tenant, Role.ADMIN))).hasStatusOk()
                .bodyJson().extractingPath("$.updated_at").isNull();
    }

    @Test
    void theReportLogListsWhatWentOutForThisTenantOnly() {
        TenantId tenant = newTenant("UTC", Map.of("trainer_whatsapp_number", "+4420000001"));
        TenantId other = newTenant("UTC", Map.of("trainer_whatsapp_number", "+4420000002"));
        reports.runFor(tenants.get(tenant), Instant.parse("2026-11-24T09:00:00Z"));

        assertThat(mvc.get().uri("/api/v1/analytics/reports").header("Authorization", auth(tenant, Role.OWNER)))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(1);
                    assertThat(json).extractingPath("$.items[0].report_date").isEqualTo("2026-11-23");
                    assertThat(json).extractingPath("$.items[0].channel").isEqualTo("whatsapp");
                    assertThat(json).extractingPath("$.items[0].status").isEqualTo("queued");
                    assertThat(json).extractingPath("$.items[0].recipients").isEqualTo("+4420000001");
                    assertThat(json).extractingPath("$.items[0].body").asString().contains("23 November 2026");
                });
        assertThat(mvc.get().uri("/api/v1/analytics/reports").header("Authorization", auth(other, Role.OWNER)))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(0);
    }
}
