package com.zorahai.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.zorahai.whatsapp.MetaPayloads.image;
import static com.zorahai.whatsapp.MetaPayloads.messages;
import static com.zorahai.whatsapp.MetaPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every provider adapter behind the whole channel, with one WireMock playing all providers. */
class ProviderEndToEndTests extends WhatsAppTestSupport {

    static final WireMockServer PROVIDERS = new WireMockServer(options().dynamicPort());

    static {
        PROVIDERS.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("zorah.whatsapp.meta.base-url", PROVIDERS::baseUrl);
        registry.add("zorah.whatsapp.dialog360.base-url", () -> PROVIDERS.baseUrl() + "/d360");
        registry.add("zorah.whatsapp.montymobile.base-url", () -> PROVIDERS.baseUrl() + "/monty");
        registry.add("zorah.whatsapp.qiscus.base-url", () -> PROVIDERS.baseUrl() + "/qiscus");
        registry.add("resilience4j.circuitbreaker.configs.whatsapp.sliding-window-size", () -> "4");
        registry.add("resilience4j.circuitbreaker.configs.whatsapp.minimum-number-of-calls", () -> "4");
        registry.add("resilience4j.circuitbreaker.configs.whatsapp.wait-duration-in-open-state", () -> "1h");
    }

    private String metaTenant(String phoneNumberId) {
        String id = WhatsAppTenants.newId();
        tenants.create(id, "meta", phoneNumberId, "app-secret-" + id, Map.of("api_token", "token-" + id));
        return id;
    }

    @Test
    void metaMediaIsDownloadedOnArrivalAndKeptInStorage() {
        String number = "30" + System.nanoTime();
        String tenant = metaTenant(number);
        String mediaId = "14795" + System.nanoTime();
        byte[] photo = "\u00ff\u00d8\u00ff\u00e0 jpeg bytes".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        PROVIDERS.stubFor(get("/v21.0/" + mediaId).withHeader("Authorization", equalTo("Bearer token-" + tenant))
                .willReturn(okJson("""
                        {"url": "%s/media-cdn/%s?ext=1&hash=AT", "mime_type": "image/jpeg", "sha256": "x",
                         "file_size": %d, "id": "%s", "messaging_product": "whatsapp"}"""
                        .formatted(PROVIDERS.baseUrl(), mediaId, photo.length, mediaId))));
        PROVIDERS.stubFor(get(urlPathEqualTo("/media-cdn/" + mediaId)).willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(photo)));
        String from = phone();

        assertOk(postSigned("/webhook/whatsapp/" + tenant, messages(number, from, "Maya", image(wamid(), from,
                mediaId, "Is this normal after the session?")), "app-secret-" + tenant));

        await().atMost(Duration.ofSeconds(10)).until(() -> "stored".equals(jdbc.sql(
                "select media_status from whatsapp_messages where tenant_id = :t").param("t", tenant)
                .query(String.class).single()));
        WhatsAppMessageReceived event = recorder.received(tenant).getFirst();
        assertThat(messages.media(TenantId.of(tenant), event.messageId())).hasValueSatisfying(file -> {
            assertThat(file.content()).isEqualTo(photo);
            assertThat(file.mimeType()).isEqualTo("image/jpeg");
            assertThat(file.key()).isEqualTo(event.message().media().storageKey());
        });
        assertThat(messages.media(TenantId.of("someone-else"), event.messageId())).isEmpty();
    }

    @Test
    void metaSendsThroughTheOutboxAnd131047IsNotRetried() {
        String number = "31" + System.nanoTime();
        String tenant = metaTenant(number);
        String from = phone();
        assertOk(postSigned("/webhook/whatsapp/" + tenant, messages(number, from, "Omar", text(wamid(), from,
                "hi")), "app-secret-" + tenant));
        UUID conversation = conversationOf(tenant, from);
        String path = "/v21.0/" + number + "/messages";
        PROVIDERS.stubFor(WireMock.post(path).willReturn(okJson("""
                {"messaging_product": "whatsapp", "contacts": [{"input": "%s", "wa_id": "%s"}],
                 "messages": [{"id": "wamid.meta.%s"}]}""".formatted(from, from, tenant))));

        QueuedMessage ok = messages.sendText(TenantId.of(tenant), conversation, "Welcome!");
        drain();
        assertThat(providerId(ok.messageId())).isEqualTo("wamid.meta." + tenant);
        assertThat(statusOf(ok.messageId())).isEqualTo("sent");

        PROVIDERS.stubFor(WireMock.post(path).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody(
                        """
                                {"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException",
                                 "code": 131047, "error_data": {"messaging_product": "whatsapp",
                                 "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}}""")));
        QueuedMessage late = messages.sendText(TenantId.of(tenant), conversation, "Are you still there?");
        drain();
        drain();
        assertThat(statusOf(late.messageId())).isEqualTo("failed");
        assertThat(jdbc.sql("select error_code from whatsapp_messages where id = :id").param("id", late.messageId())
                .query(Integer.class).single()).isEqualTo(131047);
        assertThat(jdbc.sql("select status from whatsapp_outbox where message_id = :id")
                .param("id", late.messageId()).query(String.class).single()).isEqualTo("dead");
        PROVIDERS.verify(2, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void throughputErrorsBackOffAndTryAgain() {
        String number = "32" + System.nanoTime();
        String tenant = metaTenant(number);
        String from = phone();
        assertOk(postSigned("/webhook/whatsapp/" + tenant, messages(number, from, "Lea", text(wamid(), from, "hi")),
                "app-secret-" + tenant));
        String path = "/v21.0/" + number + "/messages";
        PROVIDERS.stubFor(WireMock.post(path).inScenario("busy-" + tenant).whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"(#130429) Rate limit hit\", \"code\": 130429}}"))
                .willSetStateTo("calm"));
        PROVIDERS.stubFor(WireMock.post(path).inScenario("busy-" + tenant).whenScenarioStateIs("calm")
                .willReturn(okJson("{\"messages\": [{\"id\": \"wamid.after-backoff\"}]}")));

        QueuedMessage queued = messages.sendText(TenantId.of(tenant), conversationOf(tenant, from), "Hello");
        drain();
        assertThat(jdbc.sql("select outcome from whatsapp_outbox_attempts a join whatsapp_outbox o"
                + " on o.id = a.outbox_id where o.message_id = :id").param("id", queued.messageId())
                .query(String.class).list()).containsExactly("throttled");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            drain();
            return "sent".equals(statusOf(queued.messageId()));
        });
        assertThat(providerId(queued.messageId())).isEqualTo("wamid.after-backoff");
    }

    @Test
    void dialog360AndMontyMobileWebhooksNeedTheTenantSecretAndRepliesGoToTheirApis() {
        String d360 = WhatsAppTenants.newId();
        tenants.create(d360, "dialog360", null, "d360-hook-" + d360, Map.of("dialog360_api_key", "key-" + d360));
        String from = phone();
        String body = messages("360-number", from, "Sami", text(wamid(), from, "Hi from 360"));
        assertThat(post("/webhook/whatsapp/" + d360, body)).hasStatus(401);
        assertThat(post("/webhook/whatsapp/" + d360 + "?token=wrong", body)).hasStatus(401);
        assertOk(post("/webhook/whatsapp/" + d360 + "?token=d360-hook-" + d360, body));
        PROVIDERS.stubFor(WireMock.post("/d360/messages").withHeader("D360-API-KEY", equalTo("key-" + d360))
                .willReturn(okJson("{\"messages\": [{\"id\": \"wamid.d360." + d360 + "\"}]}")));
        QueuedMessage reply = messages.sendText(TenantId.of(d360), conversationOf(d360, from), "Hello Sami");
        drain();
        assertThat(providerId(reply.messageId())).isEqualTo("wamid.d360." + d360);

        String monty = WhatsAppTenants.newId();
        tenants.create(monty, "montymobile", null, "mm-hook-" + monty, Map.of("montymobile_api_key", "mm-key",
                "montymobile_tenant_id", "mm-tenant", "montymobile_source_number", "96170000000"));
        String customer = phone();
        assertThat(mvc.post().uri("/webhook/whatsapp/" + monty).contentType(MediaType.APPLICATION_JSON)
                .header("X-Webhook-Secret", "mm-hook-" + monty)
                .content(messages("mm-number", customer, "Rita", text(wamid(), customer, "Hi from Monty"))))
                .hasStatusOk();
        PROVIDERS.stubFor(WireMock.post("/monty/api/v2/WhatsappApi/send-session").willReturn(okJson(
                "{\"success\": true, \"data\": {\"messageId\": \"mm-" + monty + "\"}}")));
        QueuedMessage mm = messages.sendText(TenantId.of(monty), conversationOf(monty, customer), "Hello Rita");
        drain();
        assertThat(providerId(mm.messageId())).isEqualTo("mm-" + monty);
    }

    @Test
    void qiscusIsStillServedButMarkedDeprecated() {
        String tenant = WhatsAppTenants.newId();
        tenants.create(tenant, "qiscus", null, "qs-hook-" + tenant, Map.of("qiscus_sdk_secret", "qs-secret",
                "qiscus_app_code", "app-" + tenant, "qiscus_sender_email", "bot@clinic.example"));
        String body = """
                {"type": "post_comment_mobile", "payload": {
                  "from": {"id": 11, "email": "96170999888@wa.qiscus.com", "name": "Hala"},
                  "room": {"id": 4242, "name": "96170999888", "type": "single", "participants": []},
                  "message": {"id": %d, "type": "text", "text": "Hello?", "payload": {}}}}"""
                .formatted(System.nanoTime());

        assertThat(post("/webhook/whatsapp/" + tenant + "?token=qs-hook-" + tenant, body)).hasStatusOk()
                .hasHeader("Deprecation", "true");
        PROVIDERS.stubFor(WireMock.post("/qiscus/app-" + tenant + "/bot").willReturn(okJson(
                "{\"status\": 200, \"results\": {\"comment\": {\"id\": 77}}}")));
        QueuedMessage reply = messages.sendText(TenantId.of(tenant), conversationOf(tenant, "96170999888"), "Hi");
        drain();
        assertThat(providerId(reply.messageId())).isEqualTo("qiscus.4242.77");
        assertThat(mvc.get().uri("/api/v1/whatsapp/channel").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN))).hasStatusOk().bodyJson().extractingPath("$.deprecated").isEqualTo(true);
    }

    @Test
    void aFailingProviderOpensItsCircuitAndMessagesWaitWithoutUsingAttempts() {
        String tenant = WhatsAppTenants.newId();
        tenants.create(tenant, "montymobile", null, "hook", Map.of("montymobile_api_key", "k",
                "montymobile_tenant_id", "t", "montymobile_source_number", "96170000000"));
        worker.breaker("montymobile").reset();
        String customer = phone();
        assertOk(mvc.post().uri("/webhook/whatsapp/" + tenant + "?token=hook").contentType(MediaType.APPLICATION_JSON)
                .content(messages("n", customer, "X", text(wamid(), customer, "hi"))).exchange());
        PROVIDERS.stubFor(
                WireMock.post("/monty/api/v2/WhatsappApi/send-session").willReturn(aResponse().withStatus(503)));
        UUID conversation = conversationOf(tenant, customer);
        for (int i = 0; i < 4; i++) {
            messages.sendText(TenantId.of(tenant), conversation, "message " + i);
        }
        drain();
        assertThat(worker.breaker("montymobile").getState().name()).isEqualTo("OPEN");

        int before = PROVIDERS.findAll(postRequestedFor(urlEqualTo("/monty/api/v2/WhatsappApi/send-session")))
                .size();
        QueuedMessage waiting = messages.sendText(TenantId.of(tenant), conversation, "while open");
        drain();
        assertThat(PROVIDERS.findAll(postRequestedFor(urlEqualTo("/monty/api/v2/WhatsappApi/send-session")))
                .size()).isEqualTo(before);
        assertThat(jdbc.sql("select attempts from whatsapp_outbox where message_id = :id")
                .param("id", waiting.messageId()).query(Integer.class).single()).isZero();
        worker.breaker("montymobile").reset();
    }

    @Test
    void aNamedProviderWithoutCredentialsRunsAsTheSandbox() {
        String tenant = WhatsAppTenants.newId();
        tenants.create(tenant, "meta", null, null, Map.of());
        assertThat(mvc.get().uri("/api/v1/whatsapp/channel").header("Authorization", tokens.bearer(tenant,
                Role.OWNER))).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.configured_provider").isEqualTo("meta");
                    assertThat(json).extractingPath("$.provider").isEqualTo("sandbox");
                    assertThat(json).extractingPath("$.missing").asString().contains("WHATSAPP_API_TOKEN");
                });
        String from = phone();
        assertOk(post("/webhook/whatsapp/" + tenant, messages("x", from, "Y", text(wamid(), from, "unsigned ok"))));
    }
}
