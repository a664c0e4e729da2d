package com.zorahai.whatsapp.dialog360;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.OutboundContent;
import com.zorahai.whatsapp.provider.MediaResult;
import com.zorahai.whatsapp.provider.OutboundRequest;
import com.zorahai.whatsapp.provider.SendResult;
import com.zorahai.whatsapp.provider.TemplateList;
import com.zorahai.whatsapp.provider.TestTenants;
import com.zorahai.whatsapp.provider.WhatsAppProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class Dialog360ProviderTests {

    static final WireMockServer D360 = new WireMockServer(options().dynamicPort());
    static final Tenant TENANT = TestTenants.with("dialog360", null, Map.of("dialog360_api_key", "d360-key"));
    static final Tenant SANDBOX = TestTenants.with("dialog360", null, Map.of("dialog360_api_key", "sbx-key",
            "dialog360_sandbox", "true"));

    Dialog360Provider provider;

    @BeforeAll
    static void start() {
        D360.start();
    }

    @AfterAll
    static void stop() {
        D360.stop();
    }

    @BeforeEach
    void reset() {
        D360.resetAll();
        provider = new Dialog360Provider(new Dialog360Properties(D360.baseUrl(), D360.baseUrl() + "/sandbox",
                Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(1)));
    }

    static OutboundRequest to(OutboundContent content) {
        return new OutboundRequest("96170123456", false, null, content, null, "k");
    }

    @Test
    void sendsTheCloudApiBodyWithTheKeyHeader() {
        D360.stubFor(post("/messages").willReturn(okJson("""
                {"messaging_product": "whatsapp", "contacts": [{"input": "96170123456", "wa_id": "96170123456"}],
                 "messages": [{"id": "wamid.360.1"}]}""")));

        assertThat(provider.send(TENANT, to(new OutboundContent.Text("Hello from 360"))))
                .isEqualTo(new SendResult.Sent("wamid.360.1", 200));
        D360.verify(postRequestedFor(urlEqualTo("/messages")).withHeader("D360-API-KEY", equalTo("d360-key"))
                .withRequestBody(equalToJson("""
                        {"messaging_product": "whatsapp", "to": "96170123456", "type": "text",
                         "text": {"body": "Hello from 360"}}""", true, true)));
        assertThat(provider.webhookAuthentication()).isEqualTo(WhatsAppProvider.WebhookAuthentication.SHARED_SECRET);
    }

    @Test
    void theSandboxSwitchUsesTheSandboxHost() {
        D360.stubFor(post("/sandbox/v1/messages")
                .willReturn(okJson("{\"messages\": [{\"id\": \"gBEGkYiEB1VXAglK1ZEqA1YKPrU\"}]}")));
        assertThat(provider.send(SANDBOX, to(new OutboundContent.Template("hello_world", "en", List.of()))))
                .isInstanceOf(SendResult.Sent.class);
        D360.verify(postRequestedFor(urlEqualTo("/sandbox/v1/messages")).withHeader("D360-API-KEY",
                equalTo("sbx-key")));
        assertThat(provider.download(SANDBOX, "123")).isInstanceOf(MediaResult.Unavailable.class);
    }

    @Test
    void windowClosedAndRateLimitsAreMappedLikeMeta() {
        D360.stubFor(post("/messages").willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody(
                        """
                                {"error": {"message": "Re-engagement message", "code": 131047,
                                 "error_data": {"details": "Message failed to send because more than 24 hours have passed"}}}""")));
        assertThat(provider.send(TENANT, to(new OutboundContent.Text("x")))).isInstanceOfSatisfying(
                SendResult.Rejected.class, r -> assertThat(r.windowClosed()).isTrue());
        D360.stubFor(post("/messages").willReturn(aResponse().withStatus(429)));
        assertThat(provider.send(TENANT, to(new OutboundContent.Text("x")))).isInstanceOfSatisfying(
                SendResult.Retryable.class, r -> assertThat(r.throttled()).isTrue());
    }

    @Test
    void mediaIsFetchedThroughThe360dialogHost() {
        D360.stubFor(get("/1479537139650973").withHeader("D360-API-KEY", equalTo("d360-key")).willReturn(okJson("""
                {"url": "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1479537139650973&ext=1&hash=AT",
                 "mime_type": "image/jpeg", "sha256": "x", "file_size": 3, "id": "1479537139650973",
                 "messaging_product": "whatsapp"}""")));
        D360.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/")).withHeader("D360-API-KEY",
                equalTo("d360-key")).willReturn(aResponse().withBody(new byte[]{9, 8, 7})));

        assertThat(provider.download(TENANT, "1479537139650973")).isInstanceOfSatisfying(MediaResult.Fetched.class,
                f -> {
                    assertThat(f.content()).containsExactly(9, 8, 7);
                    assertThat(f.mimeType()).isEqualTo("image/jpeg");
                });
    }

    @Test
    void templatesComeFromTheConfigEndpoint() {
        D360.stubFor(get("/v1/configs/templates").willReturn(okJson("""
                {"count": 1, "waba_templates": [{"name": "appointment_reminder", "language": "en",
                  "status": "approved", "category": "UTILITY",
                  "components": [{"type": "BODY", "text": "Hi {{1}}"}]}]}""")));
        TemplateList list = provider.templates(TENANT);
        assertThat(list.templates()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("appointment_reminder");
            assertThat(t.bodyParameters()).isEqualTo(1);
        });
        assertThat(provider.configured(TestTenants.with("dialog360", null, Map.of()))).isFalse();
    }
}
