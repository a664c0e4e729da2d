package com.zorahai.whatsapp.montymobile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.OutboundContent;
import com.zorahai.whatsapp.provider.MediaResult;
import com.zorahai.whatsapp.provider.OutboundRequest;
import com.zorahai.whatsapp.provider.ParsedWebhook;
import com.zorahai.whatsapp.provider.ProviderHttp;
import com.zorahai.whatsapp.provider.SendResult;
import com.zorahai.whatsapp.provider.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MontyMobileProviderTests {

    static final WireMockServer MONTY = new WireMockServer(options().dynamicPort());
    static final String SESSION = "/api/v2/WhatsappApi/send-session";
    static final String TEMPLATE = "/api/v2/WhatsappApi/send-whatsapp";
    static final Tenant TENANT = TestTenants.with("montymobile", null, Map.of("montymobile_api_key", "mm-key",
            "montymobile_tenant_id", "3f0c1d5e-7a2b-4c8d-9e1f-0a1b2c3d4e5f", "montymobile_source_number",
            "+96170000000"));

    MontyMobileProvider provider;

    @BeforeAll
    static void start() {
        MONTY.start();
    }

    @AfterAll
    static void stop() {
        MONTY.stop();
    }

    @BeforeEach
    void reset() {
        MONTY.resetAll();
        provider = new MontyMobileProvider(new MontyMobileProperties(MONTY.baseUrl(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), DataSize.ofMegabytes(1)));
    }

    static OutboundRequest to(OutboundContent content) {
        return new OutboundRequest("96170123456", false, null, content, null, "k");
    }

    static String ok(String id) {
        return "{\"success\": true, \"message\": \"Message sent\", \"data\": {\"messageId\": \"" + id + "\"}}";
    }

    @Test
    void sessionMessagesCarryTheTenantAndKeyHeaders() {
        MONTY.stubFor(post(SESSION).willReturn(okJson(ok("mm-1"))));

        assertThat(provider.send(TENANT, to(new OutboundContent.Text("Hello")))).isEqualTo(
                new SendResult.Sent("mm-1", 200));
        provider.send(TENANT, to(new OutboundContent.Media(MessageType.IMAGE, "https://cdn.example/a.jpg", "Look",
                null)));
        provider.send(TENANT, to(new OutboundContent.Media(MessageType.AUDIO, "https://cdn.example/v.ogg", null,
                "voice.ogg")));
        provider.send(TENANT, to(OutboundContent.Interactive.buttons("Confirm?", List.of(
                new OutboundContent.Choice("y", "Yes"), new OutboundContent.Choice("n", "No")))));

        MONTY.verify(postRequestedFor(urlEqualTo(SESSION))
                .withHeader("Tenant", equalTo("3f0c1d5e-7a2b-4c8d-9e1f-0a1b2c3d4e5f"))
                .withHeader("api-key", equalTo("mm-key"))
                .withRequestBody(equalToJson("""
                        {"to": "96170123456", "source": "96170000000", "type": "TEXT", "text": {"body": "Hello"}}""")));
        MONTY.verify(postRequestedFor(urlEqualTo(SESSION)).withRequestBody(equalToJson("""
                {"type": "IMAGE", "image": {"link": "https://cdn.example/a.jpg", "caption": "Look"}}""", true, true)));
        MONTY.verify(postRequestedFor(urlEqualTo(SESSION)).withRequestBody(equalToJson("""
                {"type": "DOCUMENT", "document": {"link": "https://cdn.example/v.ogg", "filename": "voice.ogg"}}""",
                true, true)));
        MONTY.verify(postRequestedFor(urlEqualTo(SESSION)).withRequestBody(equalToJson("""
                {"type": "TEXT", "text": {"body": "Confirm?\\n1. Yes\\n2. No"}}""", true, true)));
    }

    @Test
    void templatesGoToSendWhatsappInMetasShape() {
        MONTY.stubFor(post(TEMPLATE).willReturn(okJson(ok("mm-t"))));
        assertThat(provider.send(TENANT, to(new OutboundContent.Template("appointment_reminder", "en",
                List.of("Maya"))))).isInstanceOf(SendResult.Sent.class);
        MONTY.verify(postRequestedFor(urlEqualTo(TEMPLATE)).withRequestBody(equalToJson("""
                {"to": "96170123456", "type": "template", "template": {"name": "appointment_reminder",
                 "language": {"code": "en"},
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Maya"}]}]}}""", true,
                true)));
    }

    @Test
    void anAnswerWithoutMessageIdIsAFailureAnd500IsRetried() {
        MONTY.stubFor(post(SESSION).willReturn(okJson("{\"success\": false, \"message\": \"Invalid number\"}")));
        assertThat(provider.send(TENANT, to(new OutboundContent.Text("x")))).isInstanceOfSatisfying(
                SendResult.Rejected.class, r -> assertThat(r.error()).contains("Invalid number"));
        MONTY.stubFor(post(SESSION).willReturn(aResponse().withStatus(500)));
        assertThat(provider.send(TENANT, to(new OutboundContent.Text("x")))).isInstanceOf(SendResult.Retryable.class);
        MONTY.stubFor(post(SESSION).willReturn(aResponse().withStatus(401)));
        assertThat(provider.send(TENANT, to(new OutboundContent.Text("x")))).isInstanceOf(SendResult.Rejected.class);
        assertThat(provider.send(TENANT, new OutboundRequest("US.1", true, null, new OutboundContent.Text("x"), null,
                "k"))).isInstanceOf(SendResult.Rejected.class);
        assertThat(provider.configured(TestTenants.with("montymobile", null, Map.of("montymobile_api_key", "k"))))
                .isFalse();
    }

    @Test
    void webhooksTakeTheSenderFromTheMessageAndMediaAreLinks() {
        String body = """
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
                 "value": {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "p1"},
                  "contacts": [{"profile": {"name": "Rami"}, "wa_id": "96100000000"}],
                  "messages": [{"from": "96170123456", "id": "mm-in-1", "timestamp": "1764238453", "type": "image",
                                "image": {"link": "%s/media/abc.jpg", "mime_type": "image/jpeg"}}]}}]}]}"""
                .formatted(MONTY.baseUrl());
        ParsedWebhook parsed = provider.parse(ProviderHttp.JSON.readTree(body));
        assertThat(parsed.messages()).singleElement().satisfies(m -> {
            assertThat(m.contact().waId()).isEqualTo("96170123456");
            assertThat(m.message().media().providerMediaId()).endsWith("/media/abc.jpg");
        });
        MONTY.stubFor(get("/media/abc.jpg").withHeader("api-key", equalTo("mm-key")).willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(new byte[]{1})));
        assertThat(provider.download(TENANT, MONTY.baseUrl() + "/media/abc.jpg")).isInstanceOf(
                MediaResult.Fetched.class);
        assertThat(provider.download(TENANT, "12345")).isInstanceOf(MediaResult.Unavailable.class);
    }
}
