package com.zorahai.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.telephony.TelephonyTenants;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code GET/PUT /api/v1/telephony/settings}: defaults, replacement, checks naming the field, roles.
 */
@IntegrationTest
class TelephonySettingsApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTenantStartsWithTheDefaultsAndReplacesThem() {
        String tenant = TelephonyTenants.create(jdbc, "Africa/Johannesburg");
        String owner = tokens.bearer(tenant, Role.OWNER);

        MvcTestResult defaults = mvc.get().uri("/api/v1/telephony/settings").header("Authorization", owner).exchange();
        assertThat(defaults).hasStatusOk().bodyJson().extractingPath("$.defaults").isEqualTo(true);
        assertThat(defaults).bodyJson().extractingPath("$.calling_hours_start").isEqualTo("09:00");
        assertThat(defaults).bodyJson().extractingPath("$.assistants.after_hours").isEqualTo(true);

        MvcTestResult saved = mvc.put().uri("/api/v1/telephony/settings").header("Authorization", owner)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        """
                                {"calling_hours_start":"10:00","calling_hours_end":"18:30","calling_days":["mon","TUE","Wednesday"],
                                 "business_hours_start":"07:30","business_hours_end":"16:00","business_days":["MON","FRI"],
                                 "max_attempts":5,"retry_backoff_minutes":30,"retry_backoff_multiplier":1.5,
                                 "store_transcripts":false,"live_transcripts":true}""")
                .exchange();
        assertThat(saved).hasStatusOk().bodyJson().extractingPath("$.calling_days").isEqualTo(java.util.List.of("MON",
                "TUE", "WED"));
        assertThat(saved).bodyJson().extractingPath("$.defaults").isEqualTo(false);
        assertThat(saved).bodyJson().extractingPath("$.calling_hours_end").isEqualTo("18:30");
        assertThat(saved).bodyJson().extractingPath("$.retry_backoff_minutes").isEqualTo(30);
        assertThat(saved).bodyJson().extractingPath("$.store_transcripts").isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/telephony/settings").header("Authorization", owner)).hasStatusOk()
                .bodyJson().extractingPath("$.max_attempts").isEqualTo(5);
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndOnlyOwnersAndAdminsMayChangeThem() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String admin = tokens.bearer(tenant, Role.ADMIN);
        Map<String, String> bad = Map.of(
                "{\"calling_hours_start\":\"9am\"}", "calling_hours_start",
                "{\"calling_hours_start\":\"21:00\"}", "calling_hours_end",
                "{\"calling_days\":[]}", "calling_days",
                "{\"business_days\":[\"someday\"]}", "business_days",
                "{\"max_attempts\":21}", "max_attempts",
                "{\"retry_backoff_minutes\":0}", "retry_backoff_minutes",
                "{\"retry_backoff_multiplier\":11}", "retry_backoff_multiplier",
                "{\"twilio_account_sid\":\"AC123\",\"twilio_auth_token_env\":\"TWILIO_X\"}", "twilio_account_sid",
                "{\"unknown\":1}", "unknown");
        bad.forEach((body, field) -> assertThat(mvc.put().uri("/api/v1/telephony/settings")
                .header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(body)).as(body)
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field));
        assertThat(mvc.put().uri("/api/v1/telephony/settings").header("Authorization", tokens.bearer(tenant,
                Role.CONSULTANT)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from telephony_settings where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();
    }
}
