package com.zorahai.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.telephony.TelephonyTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Without Twilio and VAPI credentials (the default configuration) provisioning answers 503
 * {@code telephony-not-configured}; lists and settings keep working.
 */
@IntegrationTest
class NotConfiguredTests {

    static final String NOT_CONFIGURED = "https://zorahai.com/problems/telephony-not-configured";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void provisioningAnswers503AndEverythingElseWorks() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String admin = tokens.bearer(tenant, Role.ADMIN);

        assertThat(mvc.get().uri("/api/v1/telephony/available-numbers?country=US").header("Authorization", admin))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyJson().extractingPath("$.type")
                .isEqualTo(NOT_CONFIGURED);
        assertThat(mvc.post().uri("/api/v1/telephony/numbers").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"phone_number\":\"+14155550142\"}"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyJson().extractingPath("$.provider")
                .isEqualTo("twilio");
        assertThat(mvc.post().uri("/api/v1/telephony/addresses").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_name":"Acme","street":"1 King Street","city":"London","region":"London",
                         "postal_code":"EC1A 1BB","iso_country":"GB"}""")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .bodyJson().extractingPath("$.type").isEqualTo(NOT_CONFIGURED);

        assertThat(mvc.get().uri("/api/v1/telephony/numbers").header("Authorization", admin)).hasStatusOk()
                .bodyJson().extractingPath("$.total").isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/telephony/addresses").header("Authorization", admin)).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/calls").header("Authorization", admin)).hasStatusOk();
        var settings = mvc.get().uri("/api/v1/telephony/settings").header("Authorization", admin).exchange();
        assertThat(settings).hasStatusOk().bodyJson().extractingPath("$.twilio_configured").isEqualTo(false);
        assertThat(settings).bodyJson().extractingPath("$.vapi_configured").isEqualTo(false);
        assertThat(settings).bodyJson().extractingPath("$.webhook_url").asString()
                .endsWith("/webhooks/vapi/" + tenant);
        assertThat(settings).bodyJson().extractingPath("$.webhook_secret_set").isEqualTo(true);
        assertThat(settings.getResponse().getContentAsByteArray()).asString()
                .doesNotContain(TelephonyTenants.secretOf(tenant));
    }
}
