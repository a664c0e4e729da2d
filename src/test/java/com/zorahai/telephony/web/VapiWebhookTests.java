package com.zorahai.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.telephony.TelephonyEventsRecorder;
import com.zorahai.telephony.TelephonyTenants;
import com.zorahai.telephony.VapiPosts;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The VAPI webhook with realistic payloads: secrets, the answers VAPI waits for, and the stored call.
 */
@IntegrationTest
class VapiWebhookTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clients clients;

    @Autowired
    TelephonyEventsRecorder events;

    @Test
    void aMissingOrWrongSecretIs401AndNothingIsStored() {
        String tenant = TelephonyTenants.create(jdbc, "Africa/Johannesburg");
        String callId = UUID.randomUUID().toString();
        String report = report(callId, "+27825550111", "customer-ended-call", "inboundPhoneCall", "{}");

        assertThat(mvc.post().uri("/webhooks/vapi/{t}", tenant).contentType(MediaType.APPLICATION_JSON)
                .content(report)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(post(tenant, "wrong-" + TelephonyTenants.secretOf(tenant), report))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/webhooks/vapi/{t}", tenant).header("Authorization", "Bearer nope")
                .contentType(MediaType.APPLICATION_JSON).content(report)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/webhooks/vapi/{t}", tenant)
                .header("Authorization", "Bearer " + TelephonyTenants.secretOf(tenant))
                .contentType(MediaType.APPLICATION_JSON).content(report)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.sql("select count(*) from vapi_inbox where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aTenantWithoutSecretAcceptsNothingAndAnUnknownTenantIs404() {
        String tenant = TelephonyTenants.newId();
        TelephonyTenants.create(jdbc, tenant, "UTC", Map.of("inbound", "asst-1"), null);
        String body = VapiPosts.of("hang", Map.of("CALL_ID", "c1"));

        assertThat(post(tenant, "", body)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(post("no-such-tenant-" + UUID.randomUUID().toString().substring(0, 8), "x", body))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("Bad_Tenant!", "x", body)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void malformedBodiesAre400() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String secret = TelephonyTenants.secretOf(tenant);
        assertThat(post(tenant, secret, "{not json")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(tenant, secret, "[1,2]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(tenant, secret, "{\"message\":{}}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("message.type");
        assertThat(post(tenant, secret, "{\"message\":{\"type\":\"end-of-call-report\"}}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("message.call.id");
    }

    @Test
    void anAssistantRequestInsideBusinessHoursGetsTheInboundAssistant() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        settings(tenant, "00:00", "23:59:59", "MON,TUE,WED,THU,FRI,SAT,SUN");

        MvcTestResult result = post(tenant, TelephonyTenants.secretOf(tenant), assistantRequest(tenant));

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.assistantId")
                .isEqualTo("asst-inbound-" + tenant);
    }

    @Test
    void anAssistantRequestOutsideBusinessHoursGetsTheAfterHoursAssistant() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        // business only on a day that is not today
        String otherDay = Instant.now().atZone(java.time.ZoneOffset.UTC).getDayOfWeek().plus(3).name().substring(0,
                3);
        settings(tenant, "00:00", "23:59:59", otherDay);

        MvcTestResult result = post(tenant, TelephonyTenants.secretOf(tenant), assistantRequest(tenant));

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.assistantId")
                .isEqualTo("asst-after-" + tenant);
    }

    @Test
    void anAssistantRequestWithoutAnyAssistantIsAnsweredWithASpokenError() {
        String tenant = TelephonyTenants.newId();
        TelephonyTenants.create(jdbc, tenant, "UTC", Map.of(), "secret-" + tenant);

        MvcTestResult result = post(tenant, "secret-" + tenant, assistantRequest(tenant));

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.error").asString().contains("Sorry");
    }

    @Test
    void theNumbersOwnAssistantWinsOverTheTimeOfDay() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String vapiId = "pn-" + UUID.randomUUID();
        jdbc.sql("""
                insert into phone_numbers (id, tenant_id, phone_number, twilio_sid, twilio_account_sid,
                    vapi_phone_number_id, assistant_key, status)
                values (?, ?, ?, ?, 'AC00000000000000000000000000000000', ?, 'outbound', 'active')""")
                .params(UUID.randomUUID(), tenant, uniqueNumber(), "PN" + UUID.randomUUID().toString()
                        .replace("-", ""), vapiId)
                .update();
        Map<String, String> values = new HashMap<>(Map.of("CALL_ID", UUID.randomUUID().toString(), "PHONE_ID", vapiId,
                "NUMBER", "+15005550006", "CUSTOMER", "+27825550123"));

        MvcTestResult result = post(tenant, TelephonyTenants.secretOf(tenant), VapiPosts.of("assistant-request",
                values));

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.assistantId")
                .isEqualTo("asst-outbound-" + tenant);
    }

    @Test
    void anEndOfCallReportIsStoredOnceWithItsTranscriptCostAndClientAndAnnounced() {
        String tenant = TelephonyTenants.create(jdbc, "Africa/Johannesburg");
        String customer = "+2782555" + (1000 + (int) (Math.random() * 8999));
        UUID client = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone(customer, "Thandi Mokoena",
                ClientSource.PHONE)).clientId().value();
        String callId = UUID.randomUUID().toString();
        String report = report(callId, customer, "customer-ended-call", "inboundPhoneCall",
                "{\"outcome\":\"completed\",\"callback_requested\":true}");

        MvcTestResult first = post(tenant, TelephonyTenants.secretOf(tenant), report);
        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.duplicate").isEqualTo(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> events.callsOf(callId).size() == 1);
        Map<String, Object> row = jdbc.sql("select * from call_records where tenant_id = ? and vapi_call_id = ?")
                .params(tenant, callId).query().singleRow();
        assertThat(row.get("client_id")).isEqualTo(client);
        assertThat(row.get("direction")).isEqualTo("inbound");
        assertThat(row.get("caller")).isEqualTo(customer);
        assertThat(row.get("duration_seconds")).isEqualTo(192);
        assertThat((BigDecimal) row.get("cost_amount")).isEqualByComparingTo("0.1873");
        assertThat(row.get("cost_currency")).isEqualTo("USD");
        assertThat(row.get("outcome")).isEqualTo("completed");
        assertThat(row.get("ended_reason")).isEqualTo("customer-ended-call");
        assertThat((String) row.get("transcript")).contains("Cape Town");
        assertThat(row.get("transcript_turns").toString()).contains("\"speaker\": \"customer\"")
                .doesNotContain("friendly assistant of a travel agency");
        assertThat(row.get("summary").toString()).contains("callback");
        assertThat(row.get("recording_url")).isEqualTo("https://storage.vapi.ai/" + callId + "-stereo.wav");

        var ended = events.callsOf(callId).getFirst();
        assertThat(ended.clientId().value()).isEqualTo(client);
        assertThat(ended.cost().amount()).isEqualByComparingTo("0.1873");
        assertThat(ended.cost().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(ended.durationSeconds()).isEqualTo(192);
        assertThat(ended.outcome()).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from activities where tenant_id = ? and source_event_id = ?")
                .params(tenant, "call-ended:" + callId).query(Long.class).single() == 1);

        // a redelivered report is acknowledged and changes nothing
        Object updatedAt = row.get("updated_at");
        String redelivered = report.replace("customer-ended-call", "assistant-ended-call");
        assertThat(post(tenant, TelephonyTenants.secretOf(tenant), redelivered)).hasStatusOk().bodyJson()
                .extractingPath("$.duplicate").isEqualTo(true);
        assertThat(jdbc.sql("select count(*) from call_records where tenant_id = ? and vapi_call_id = ?")
                .params(tenant, callId).query(Long.class).single()).isEqualTo(1);
        Map<String, Object> again = jdbc.sql("select * from call_records where tenant_id = ? and vapi_call_id = ?")
                .params(tenant, callId).query().singleRow();
        assertThat(again.get("ended_reason")).isEqualTo("customer-ended-call");
        assertThat(again.get("updated_at")).isEqualTo(updatedAt);
        assertThat(events.callsOf(callId)).hasSize(1);
        // the raw payload is not kept once processed
        assertThat(jdbc.sql("select payload from vapi_inbox where tenant_id = ? and call_id = ?")
                .params(tenant, callId).query(String.class).optional()).isEmpty();
    }

    @Test
    void aTwentyMinuteReportIsAcknowledgedAndStored() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String callId = UUID.randomUUID().toString();
        String report = LongCallReport.of(callId, "+27825550999", Duration.ofMinutes(20));
        assertThat(report.length()).isGreaterThan(40_000);

        assertThat(post(tenant, TelephonyTenants.secretOf(tenant), report)).hasStatusOk();

        await().atMost(Duration.ofSeconds(20)).until(() -> events.callsOf(callId).size() == 1);
        Map<String, Object> row = jdbc.sql("select duration_seconds, transcript from call_records "
                + "where tenant_id = ? and vapi_call_id = ?").params(tenant, callId).query().singleRow();
        assertThat(row.get("duration_seconds")).isEqualTo(1200);
        assertThat(((String) row.get("transcript")).length()).isGreaterThan(10_000);
    }

    @Test
    void statusUpdatesCreateTheCallBeforeItsReportAndAreAppliedOnce() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String callId = UUID.randomUUID().toString();
        Map<String, String> values = new HashMap<>(Map.of("CALL_ID", callId, "PHONE_ID", "pn-x", "NUMBER",
                "+15005550006", "CUSTOMER", "+27825550124", "CALL_TYPE", "inboundPhoneCall", "STATUS",
                "in-progress"));
        String secret = TelephonyTenants.secretOf(tenant);

        assertThat(post(tenant, secret, VapiPosts.of("status-update", values))).hasStatusOk();
        assertThat(post(tenant, secret, VapiPosts.of("status-update", values))).hasStatusOk();

        Map<String, Object> row = jdbc.sql("select status, started_at, caller from call_records "
                + "where tenant_id = ? and vapi_call_id = ?").params(tenant, callId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("in-progress");
        assertThat(row.get("started_at")).isNotNull();
        assertThat(row.get("caller")).isEqualTo("+27825550124");
        assertThat(jdbc.sql("select count(*) from vapi_inbox where tenant_id = ? and call_id = ?")
                .params(tenant, callId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void transcriptsAreIgnoredUnlessTheTenantKeepsThem() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String secret = TelephonyTenants.secretOf(tenant);
        String callId = UUID.randomUUID().toString();
        Map<String, String> values = Map.of("CALL_ID", callId, "CUSTOMER", "+27825550125", "TRANSCRIPT_TYPE",
                "final");

        assertThat(post(tenant, secret, VapiPosts.of("transcript", values))).hasStatusOk().bodyJson()
                .extractingPath("$.ignored").isEqualTo(true);
        assertThat(jdbc.sql("select count(*) from call_records where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();

        jdbc.sql("""
                insert into telephony_settings (tenant_id, calling_hours_start, calling_hours_end, calling_days,
                    business_hours_start, business_hours_end, business_days, max_attempts, retry_backoff_seconds,
                    retry_backoff_multiplier, store_transcripts, live_transcripts)
                values (?, '09:00', '20:00', 'MON', '08:00', '17:00', 'MON', 3, 3600, 2, true, true)""")
                .param(tenant).update();
        assertThat(post(tenant, secret, VapiPosts.of("transcript", Map.of("CALL_ID", callId, "CUSTOMER",
                "+27825550125", "TRANSCRIPT_TYPE", "partial")))).hasStatusOk();
        assertThat(post(tenant, secret, VapiPosts.of("transcript", values))).hasStatusOk();

        String live = jdbc.sql("select live_transcript::text from call_records where tenant_id = ? and "
                + "vapi_call_id = ?").params(tenant, callId).query(String.class).single();
        assertThat(live).contains("Cape Town").contains("customer");
        assertThat(live.split("Cape Town")).hasSize(2);
    }

    @Test
    void hangsAndOtherMessagesAreAcknowledged() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String secret = TelephonyTenants.secretOf(tenant);
        String callId = UUID.randomUUID().toString();
        assertThat(post(tenant, secret, VapiPosts.of("hang", Map.of("CALL_ID", callId)))).hasStatusOk();
        assertThat(post(tenant, secret, "{\"message\":{\"type\":\"speech-update\",\"status\":\"started\","
                + "\"role\":\"assistant\"}}")).hasStatusOk().bodyJson().extractingPath("$.received").isEqualTo(true);
        assertThat(jdbc.sql("select count(*) from vapi_inbox where tenant_id = ? and message_type = 'hang'")
                .param(tenant).query(Long.class).single()).isEqualTo(1);
    }

    private MvcTestResult post(String tenant, String secret, String body) {
        return mvc.post().uri("/webhooks/vapi/{t}", tenant).header("X-Vapi-Secret", secret)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private String assistantRequest(String tenant) {
        return VapiPosts.of("assistant-request", Map.of("CALL_ID", UUID.randomUUID().toString(), "PHONE_ID",
                "pn-unknown-" + tenant, "NUMBER", "+15005550006", "CUSTOMER", "+27825550123"));
    }

    static String report(String callId, String customer, String endedReason, String callType, String structured) {
        Map<String, String> values = new HashMap<>();
        values.put("CALL_ID", callId);
        values.put("CUSTOMER", customer);
        values.put("ENDED_REASON", endedReason);
        values.put("CALL_TYPE", callType);
        values.put("PHONE_ID", "pn-" + callId);
        values.put("NUMBER", "+15005550006");
        values.put("STRUCTURED", structured);
        return VapiPosts.of("end-of-call-report", values);
    }

    private void settings(String tenant, String businessStart, String businessEnd, String businessDays) {
        jdbc.sql("""
                insert into telephony_settings (tenant_id, calling_hours_start, calling_hours_end, calling_days,
                    business_hours_start, business_hours_end, business_days, max_attempts, retry_backoff_seconds,
                    retry_backoff_multiplier, store_transcripts, live_transcripts)
                values (?, '09:00', '20:00', 'MON,TUE,WED,THU,FRI', cast(? as time), cast(? as time), ?, 3, 3600, 2,
                    true, false)""")
                .params(tenant, businessStart, businessEnd, businessDays).update();
    }

    static String uniqueNumber() {
        return "+1415" + (2000000 + (int) (Math.random() * 7000000));
    }

}
