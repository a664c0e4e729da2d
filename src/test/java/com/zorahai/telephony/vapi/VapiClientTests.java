package com.zorahai.telephony.vapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The VAPI client against a WireMock VAPI, with VAPI's camelCase bodies.
 */
class VapiClientTests {

    static final WireMockServer VAPI = new WireMockServer(options().dynamicPort());

    private VapiClient client;

    @BeforeAll
    static void start() {
        VAPI.start();
    }

    @AfterAll
    static void stop() {
        VAPI.stop();
    }

    @BeforeEach
    void reset() {
        VAPI.resetAll();
        client = new VapiClient(RestClient.builder().baseUrl("http://localhost:" + VAPI.port())
                .defaultHeader("Authorization", "Bearer vapi-key").build());
    }

    @Test
    void importingATwilioNumberPointsItAtTheWebhookWithTheSecret() {
        VAPI.stubFor(post(urlEqualTo("/phone-number")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"pn-1","orgId":"org-1","provider":"twilio","number":"+14155550142","status":"active",
                         "twilioAccountSid":"AC1","server":{"url":"https://app.example/webhooks/vapi/acme"}}""")));

        VapiNumber number = client.importTwilioNumber(new VapiNumberImport("+14155550142", "AC1", "token-1",
                "Front desk", null, "https://app.example/webhooks/vapi/acme", "s3cret", 20));

        assertThat(number.id()).isEqualTo("pn-1");
        assertThat(number.status()).isEqualTo("active");
        assertThat(number.serverUrl()).isEqualTo("https://app.example/webhooks/vapi/acme");
        VAPI.verify(postRequestedFor(urlEqualTo("/phone-number"))
                .withHeader("Authorization", equalTo("Bearer vapi-key"))
                .withRequestBody(equalToJson("""
                        {"provider":"twilio","number":"+14155550142","twilioAccountSid":"AC1",
                         "twilioAuthToken":"token-1","name":"Front desk","smsEnabled":false,
                         "server":{"url":"https://app.example/webhooks/vapi/acme","timeoutSeconds":20,
                                   "headers":{"X-Vapi-Secret":"s3cret"}}}""")));
        assertThat(new VapiNumberImport("+1", "AC1", "token-1", null, null, "u", "s3cret", 20).toString())
                .doesNotContain("token-1").doesNotContain("s3cret");
    }

    @Test
    void assigningAnAssistantPatchesTheNumber() {
        VAPI.stubFor(patch(urlEqualTo("/phone-number/pn-1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"pn-1\",\"number\":\"+14155550142\",\"assistantId\":\"asst-9\"}")));

        assertThat(client.assignAssistant("pn-1", "asst-9").assistantId()).isEqualTo("asst-9");
        client.assignAssistant("pn-1", null);

        VAPI.verify(patchRequestedFor(urlEqualTo("/phone-number/pn-1"))
                .withRequestBody(equalToJson("{\"assistantId\":\"asst-9\"}")));
        VAPI.verify(patchRequestedFor(urlEqualTo("/phone-number/pn-1"))
                .withRequestBody(equalToJson("{\"assistantId\":null}")));
    }

    @Test
    void pointingTheServerSetsUrlAndSecret() {
        VAPI.stubFor(patch(urlEqualTo("/phone-number/pn-1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"pn-1\"}")));
        client.pointServer("pn-1", "https://x/webhooks/vapi/t", "sec", 15);
        VAPI.verify(patchRequestedFor(urlEqualTo("/phone-number/pn-1")).withRequestBody(equalToJson(
                "{\"server\":{\"url\":\"https://x/webhooks/vapi/t\",\"timeoutSeconds\":15,"
                        + "\"headers\":{\"X-Vapi-Secret\":\"sec\"}}}")));
    }

    @Test
    void listingReadsEveryNumberWithItsAssistant() {
        VAPI.stubFor(get(urlPathEqualTo("/phone-number")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":\"pn-1\",\"number\":\"+1\",\"assistantId\":\"a1\",\"status\":\"active\"},"
                        + "{\"id\":\"pn-2\",\"number\":\"+2\",\"status\":\"activating\"}]")));

        assertThat(client.listNumbers()).extracting(VapiNumber::id, VapiNumber::assistantId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pn-1", "a1"),
                        org.assertj.core.groups.Tuple.tuple("pn-2", null));
    }

    @Test
    void deletingANumberVapiNoLongerHasIsFineOtherFailuresAreNot() {
        VAPI.stubFor(delete(urlEqualTo("/phone-number/gone")).willReturn(aResponse().withStatus(404)));
        VAPI.stubFor(delete(urlEqualTo("/phone-number/broken")).willReturn(aResponse().withStatus(500)));
        client.deleteNumber("gone");
        assertThatThrownBy(() -> client.deleteNumber("broken")).isInstanceOfSatisfying(VapiFailure.class,
                f -> assertThat(f.status()).isEqualTo(500));
    }

    @Test
    void placingACallSendsAssistantNumberCustomerAndMetadata() {
        VAPI.stubFor(post(urlEqualTo("/call")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"call-1\",\"type\":\"outboundPhoneCall\",\"status\":\"queued\"}")));

        VapiCall call = client.createCall("asst-1", "pn-1", "+27825550123", Map.of("queue_entry_id", "q1"));

        assertThat(call.id()).isEqualTo("call-1");
        assertThat(call.ended()).isFalse();
        VAPI.verify(postRequestedFor(urlEqualTo("/call")).withRequestBody(equalToJson("""
                {"assistantId":"asst-1","phoneNumberId":"pn-1","customer":{"number":"+27825550123"},
                 "metadata":{"queue_entry_id":"q1"}}""")));
    }

    @Test
    void aRejectedCallIsAFailureThatRetryingWillNotFix() {
        VAPI.stubFor(post(urlEqualTo("/call")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":[\"customer.number must be a valid phone number\"],\"error\":\"Bad Request\","
                        + "\"statusCode\":400}")));
        assertThatThrownBy(() -> client.createCall("a", "p", "+1", null)).isInstanceOfSatisfying(VapiFailure.class,
                f -> assertThat(f.rejected()).isTrue());
    }

    @Test
    void readingACallGivesItsStatusAndEndedReason() {
        VAPI.stubFor(get(urlEqualTo("/call/call-1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"call-1\",\"status\":\"ended\",\"endedReason\":\"customer-busy\"}")));
        VapiCall call = client.getCall("call-1");
        assertThat(call.ended()).isTrue();
        assertThat(call.endedReason()).isEqualTo("customer-busy");
    }

    @Test
    void anUnreachableVapiIsAFailureWithoutStatus() {
        VapiClient nowhere = new VapiClient(RestClient.builder().baseUrl("http://localhost:1").build());
        assertThatThrownBy(nowhere::listNumbers).isInstanceOfSatisfying(VapiFailure.class,
                f -> assertThat(f.status()).isNull());
    }
}
