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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tool-calls}: every {@code toolCallId} is answered with a result the assistant can read, in the shape VAPI
 * documents, and a redelivered message gets the same answer without doing anything twice.
 */
@IntegrationTest
class VapiToolCallsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clients clients;

    @Autowired
    TelephonyEventsRecorder events;

    @Test
    void findClientAnswersWithTheCrmClientOfTheCallersNumber() throws Exception {
        String tenant = TelephonyTenants.create(jdbc, "Africa/Johannesburg");
        String caller = "+2782555" + (1000 + (int) (Math.random() * 8999));
        UUID client = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone(caller, "Lerato Dlamini",
                ClientSource.PHONE)).clientId().value();

        JsonNode result = answer(tenant, "tool-calls", "find_client", "{}", caller);

        assertThat(result.path("toolCallId").asString()).startsWith("call_");
        assertThat(result.path("name").asString()).isEqualTo("find_client");
        JsonNode found = json.readTree(result.path("result").asString());
        assertThat(found.path("found").asBoolean()).isTrue();
        assertThat(found.path("name").asString()).isEqualTo("Lerato Dlamini");
        assertThat(found.path("client_id").asString()).isEqualTo(client.toString());

        JsonNode unknown = json.readTree(answer(tenant, "tool-calls", "find_client", "{}", "+27825550000")
                .path("result").asString());
        assertThat(unknown.path("found").asBoolean()).isFalse();
    }

    @Test
    void theDocumentedLegacyShapeWithParametersIsAnsweredToo() throws Exception {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        JsonNode result = answer(tenant, "tool-calls-legacy", "quote_status", "{\"quote_number\":\"Q-000123\"}",
                "+27825550001");
        JsonNode quote = json.readTree(result.path("result").asString());
        assertThat(quote.path("available").asBoolean()).isFalse();
        assertThat(quote.path("message").asString()).contains("unavailable");
    }

    @Test
    void argumentsSentAsAJsonStringAreRead() throws Exception {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        JsonNode result = answer(tenant, "tool-calls", "quote_status",
                json.writeValueAsString("{\"quote_number\":\"Q-000777\"}"), "+27825550001");
        assertThat(json.readTree(result.path("result").asString()).path("quote_number").asString())
                .isEqualTo("Q-000777");
        JsonNode missing = answer(tenant, "tool-calls", "quote_status", "{}", "+27825550001");
        assertThat(missing.path("error").asString()).contains("quote_number");
    }

    @Test
    void aCallbackRequestIsStoredAndAnnouncedOnceEvenWhenTheMessageIsRedelivered() throws Exception {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String callId = UUID.randomUUID().toString();
        String toolId = "call_" + UUID.randomUUID().toString().substring(0, 8);
        String body = body("tool-calls", callId, toolId, "request_callback",
                "{\"reason\":\"Questions about the visa for Kenya\",\"name\":\"Sam\"}", "+27825550002");

        MvcTestResult first = post(tenant, body);
        MvcTestResult second = post(tenant, body);

        assertThat(first).hasStatusOk();
        assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        JsonNode result = json.readTree(json.readTree(first.getResponse().getContentAsString())
                .path("results").get(0).path("result").asString());
        assertThat(result.path("booked").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from callback_requests where tenant_id = ? and vapi_call_id = ?")
                .params(tenant, callId).query(Long.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.callbacksOf(callId).size() == 1);
        assertThat(events.callbacksOf(callId).getFirst().reason()).contains("visa");
    }

    @Test
    void bookingACallbackQueuesACallInsideCallingHours() throws Exception {
        String tenant = TelephonyTenants.create(jdbc, "Europe/London");
        String callId = UUID.randomUUID().toString();
        // 06:30 in London tomorrow: before calling hours (09:00-20:00 by default)
        ZonedDateTime early = ZonedDateTime.now(ZoneId.of("Europe/London")).plusDays(2).with(LocalTime.of(6, 30));
        String caller = "+447911123" + (100 + (int) (Math.random() * 899));

        MvcTestResult response = post(tenant, body("tool-calls", callId, "call_b1", "book_callback",
                "{\"preferred_time\":\"" + early.toLocalDateTime() + "\",\"reason\":\"Honeymoon options\"}", caller));

        assertThat(response).hasStatusOk();
        JsonNode result = json.readTree(json.readTree(response.getResponse().getContentAsString()).path("results")
                .get(0).path("result").asString());
        assertThat(result.path("booked").asBoolean()).isTrue();
        Instant scheduled = Instant.parse(result.path("scheduled_at").asString());
        ZonedDateTime local = scheduled.atZone(ZoneId.of("Europe/London"));
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(local.toLocalDate()).isAfterOrEqualTo(early.toLocalDate());
        assertThat(result.path("spoken_time").asString()).contains("09:00");
        Map<String, Object> row = jdbc.sql("select * from outbound_call_queue where tenant_id = ?").param(tenant)
                .query().singleRow();
        assertThat(row.get("phone_number")).isEqualTo(caller);
        assertThat(row.get("assistant_key")).isEqualTo("outbound");
        assertThat(row.get("status")).isEqualTo("queued");
        assertThat(row.get("callback_request_id")).isNotNull();
    }

    @Test
    void aTicketIsOpenedOnThePhoneChannelOncePerToolCall() throws Exception {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String callId = UUID.randomUUID().toString();
        String caller = "+2782555" + (1000 + (int) (Math.random() * 8999));
        String body = body("tool-calls", callId, "call_t1", "create_ticket",
                "{\"subject\":\"Lost luggage\",\"description\":\"Bag missing after the flight\",\"priority\":\"HIGH\"}",
                caller);

        JsonNode result = json.readTree(post(tenant, body).getResponse().getContentAsString()).path("results").get(0);
        JsonNode opened = json.readTree(result.path("result").asString());
        assertThat(opened.path("ticket_opened").asBoolean()).isTrue();
        UUID ticket = UUID.fromString(opened.path("ticket_id").asString());

        // the same tool call in another delivery of the call's messages opens no second ticket
        String again = body("tool-calls-legacy", callId, "call_t1", "create_ticket",
                "{\"subject\":\"Lost luggage\",\"priority\":\"high\"}", caller);
        JsonNode second = json.readTree(json.readTree(post(tenant, again).getResponse().getContentAsString())
                .path("results").get(0).path("result").asString());
        assertThat(second.path("ticket_id").asString()).isEqualTo(ticket.toString());
        Map<String, Object> row = jdbc.sql("select * from inbound_tickets where tenant_id = ? and id = ?")
                .params(tenant, ticket).query().singleRow();
        assertThat(row.get("channel")).isEqualTo("phone");
        assertThat(row.get("priority")).isEqualTo("high");
        assertThat(row.get("subject")).isEqualTo("Lost luggage");
        assertThat(jdbc.sql("select count(*) from inbound_tickets where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void anUnknownToolGetsAnErrorForItsCallId() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        JsonNode result = answer(tenant, "tool-calls", "launch_rocket", "{}", "+27825550004");
        assertThat(result.path("toolCallId").asString()).startsWith("call_");
        assertThat(result.path("error").asString()).contains("unknown tool");
        assertThat(result.has("result")).isFalse();
    }

    private JsonNode answer(String tenant, String shape, String tool, String args, String caller) {
        MvcTestResult response = post(tenant, body(shape, UUID.randomUUID().toString(),
                "call_" + UUID.randomUUID().toString().substring(0, 8), tool, args, caller));
        assertThat(response).hasStatusOk();
        try {
            JsonNode results = json.readTree(response.getResponse().getContentAsString()).path("results");
            assertThat(results.size()).isEqualTo(1);
            return results.get(0);
        } catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String body(String shape, String callId, String toolId, String tool, String args,
            String caller) {
        Map<String, String> values = new HashMap<>();
        values.put("CALL_ID", callId);
        values.put("TOOL_ID", toolId);
        values.put("TOOL_NAME", tool);
        values.put("ARGS", args);
        values.put("CUSTOMER", caller);
        values.put("PHONE_ID", "pn-" + callId);
        values.put("NUMBER", "+15005550006");
        return VapiPosts.of(shape, values);
    }

    private MvcTestResult post(String tenant, String body) {
        return mvc.post().uri("/webhooks/vapi/{t}", tenant).header("X-Vapi-Secret", TelephonyTenants.secretOf(tenant))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
