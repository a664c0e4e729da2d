package com.zorahai.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.telephony.TelephonyEventsRecorder;
import com.zorahai.telephony.TelephonyTenants;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
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
 * The calls API: lists without transcripts and with masked numbers, filters, a call in full, tenant isolation,
 * the client's export and erasure.
 */
@IntegrationTest
class CallsApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clients clients;

    @Autowired
    TelephonyEventsRecorder events;

    @Test
    void callsAreListedMaskedFilteredAndReadInFull() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String phone = "+2782555" + (1000 + (int) (Math.random() * 8999));
        UUID client = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone(phone, "Ayanda", ClientSource.PHONE))
                .clientId().value();
        String answered = store(tenant, phone, "customer-ended-call", "inboundPhoneCall");
        String missed = store(tenant, "+27825550999", "customer-did-not-answer", "outboundPhoneCall");
        String agent = tokens.bearer(tenant, Role.AGENT);

        MvcTestResult all = mvc.get().uri("/api/v1/calls").header("Authorization", agent).exchange();
        assertThat(all).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(2);
        assertThat(all).bodyJson().extractingPath("$.items[0].caller_masked").asString().contains("•")
                .doesNotContain(phone.substring(3, 9));
        assertThat(body(all)).doesNotContain("Cape Town").doesNotContain("\"transcript\"")
                .contains("\"has_transcript\":true");

        assertThat(mvc.get().uri("/api/v1/calls?outcome=no_answer").header("Authorization", agent)).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].direction").isEqualTo("outbound");
        assertThat(mvc.get().uri("/api/v1/calls?client_id={c}", client).header("Authorization", agent))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/calls?direction=outbound&from=2026-11-25&to=2026-11-25")
                .header("Authorization", agent)).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/calls?from=2026-11-26").header("Authorization", agent)).hasStatusOk()
                .bodyJson().extractingPath("$.total").isEqualTo(0);
        for (String bad : new String[]{"outcome=maybe", "from=yesterday", "client_id=42", "direction=sideways",
                "sort=cost", "size=0", "page=-1", "from=2026-11-26&to=2026-11-25"}) {
            assertThat(mvc.get().uri("/api/v1/calls?" + bad).header("Authorization", agent)).as(bad)
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }

        String id = jdbc.sql("select id from call_records where tenant_id = ? and vapi_call_id = ?")
                .params(tenant, answered).query(UUID.class).single().toString();
        MvcTestResult one = mvc.get().uri("/api/v1/calls/{id}", id).header("Authorization", agent).exchange();
        assertThat(one).hasStatusOk().bodyJson().extractingPath("$.caller").isEqualTo(phone);
        assertThat(one).bodyJson().extractingPath("$.client_id").isEqualTo(client.toString());
        assertThat(one).bodyJson().extractingPath("$.cost.amount").isEqualTo(0.1873);
        assertThat(one).bodyJson().extractingPath("$.cost.currency").isEqualTo("USD");
        assertThat(one).bodyJson().extractingPath("$.turns[1].speaker").isEqualTo("customer");
        assertThat(one).bodyJson().extractingPath("$.transcript").asString().contains("Cape Town");
        assertThat(mvc.get().uri("/api/v1/calls/{id}", "not-a-uuid").header("Authorization", agent))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/calls/{id}", UUID.randomUUID()).header("Authorization", agent))
                .hasStatus(HttpStatus.NOT_FOUND);

        TenantIsolation.of(mvc, tokens).record("/api/v1/calls/{id}", id).ownedBy(tenant).withoutUpdate()
                .withoutDelete().assertInvisibleTo(TelephonyTenants.create(jdbc, "UTC"));
        assertThat(missed).isNotBlank();
    }

    @Test
    void aClientsCallsAreInTheirExportAndErasedWithThem() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String phone = "+2782555" + (1000 + (int) (Math.random() * 8999));
        UUID client = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone(phone, "Sipho", ClientSource.PHONE))
                .clientId().value();
        String call = store(tenant, phone, "customer-ended-call", "inboundPhoneCall");
        String admin = tokens.bearer(tenant, Role.ADMIN);

        MvcTestResult export = mvc.get().uri("/api/v1/clients/{id}/export", client).header("Authorization", admin)
                .exchange();
        assertThat(export).hasStatusOk().bodyJson().extractingPath("$.modules.telephony.calls[0].vapi_call_id")
                .isEqualTo(call);
        assertThat(export).bodyJson().extractingPath("$.modules.telephony.calls[0].transcript").asString()
                .contains("Cape Town");

        assertThat(mvc.post().uri("/api/v1/clients/{id}/erase", client).header("Authorization", admin))
                .hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select erased_at is not null from call_records where tenant_id = ? and vapi_call_id = ?")
                .params(tenant, call).query(Boolean.class).single());
        Map<String, Object> row = jdbc.sql("select * from call_records where tenant_id = ? and vapi_call_id = ?")
                .params(tenant, call).query().singleRow();
        assertThat(row.get("transcript")).isNull();
        assertThat(row.get("transcript_turns")).isNull();
        assertThat(row.get("summary")).isNull();
        assertThat(row.get("caller")).isNull();
        assertThat(row.get("recording_url")).isNull();
        assertThat(row.get("duration_seconds")).isEqualTo(192);
        assertThat(row.get("cost_amount")).isNotNull();
    }

    private String store(String tenant, String customer, String endedReason, String callType) {
        String callId = UUID.randomUUID().toString();
        assertThat(mvc.post().uri("/webhooks/vapi/{t}", tenant).header("X-Vapi-Secret",
                TelephonyTenants.secretOf(tenant)).contentType(MediaType.APPLICATION_JSON)
                .content(VapiWebhookTests.report(callId, customer, endedReason, callType, "{}"))).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> events.callsOf(callId).size() == 1);
        return callId;
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
