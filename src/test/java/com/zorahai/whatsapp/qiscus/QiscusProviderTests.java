package com.zorahai.whatsapp.qiscus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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

@SuppressWarnings("deprecation")
class QiscusProviderTests {

    static final WireMockServer QISCUS = new WireMockServer(options().dynamicPort());
    static final Tenant TENANT = TestTenants.with("qiscus", null, Map.of("qiscus_sdk_secret", "qs-secret",
            "qiscus_app_code", "clinic-app", "qiscus_sender_email", "bot@clinic.example"));

    QiscusProvider provider;

    @BeforeAll
    static void start() {
        QISCUS.start();
    }

    @AfterAll
    static void stop() {
        QISCUS.stop();
    }

    @BeforeEach
    void reset() {
        QISCUS.resetAll();
        provider = new QiscusProvider(new QiscusProperties(QISCUS.baseUrl(), Duration.ofSeconds(2),
                Duration.ofSeconds(2)));
    }

    @Test
    void inboundCommentsBecomeMessagesWithTheRoomToAnswerIn() {
        ParsedWebhook parsed = provider.parse(ProviderHttp.JSON.readTree("""
                {"type": "post_comment_mobile", "payload": {
                  "from": {"id": 11, "email": "96170123456@wa.qiscus.com", "name": "Hala"},
                  "room": {"id": 8812, "topic_id": 8812, "type": "single", "name": "96170123456",
                           "participants": []},
                  "message": {"id": 551, "type": "text", "text": "Do you do laser on weekends?", "payload": {}}}}"""));

        assertThat(provider.deprecated()).isTrue();
        assertThat(parsed.messages()).singleElement().satisfies(m -> {
            assertThat(m.contact().key()).isEqualTo("96170123456");
            assertThat(m.providerRef()).isEqualTo("8812");
            assertThat(m.message().type()).isEqualTo(MessageType.TEXT);
            assertThat(m.message().text()).isEqualTo("Do you do laser on weekends?");
            assertThat(m.message().providerMessageId()).isEqualTo("qiscus.8812.551");
        });
        assertThat(provider.parse(ProviderHttp.JSON.readTree("{\"type\": \"login\"}")).isEmpty()).isTrue();
    }

    @Test
    void textGoesToTheBotEndpointOfTheRoom() {
        QISCUS.stubFor(post("/clinic-app/bot")
                .willReturn(okJson("{\"status\": 200, \"results\": {\"comment\": {\"id\": 990}}}")));

        SendResult result = provider.send(TENANT, new OutboundRequest("96170123456", false, "8812",
                OutboundContent.Interactive.buttons("Which day?", List.of(new OutboundContent.Choice("sat",
                        "Saturday"))),
                null, "k"));

        assertThat(result).isEqualTo(new SendResult.Sent("qiscus.8812.990", 200));
        QISCUS.verify(postRequestedFor(urlEqualTo("/clinic-app/bot"))
                .withHeader("QISCUS_SDK_SECRET", equalTo("qs-secret"))
                .withRequestBody(equalToJson("""
                        {"sender_email": "bot@clinic.example", "message": "Which day?\\n1. Saturday",
                         "type": "text", "room_id": "8812"}""")));
    }

    @Test
    void templatesMediaAndUnknownRoomsAreRefused() {
        assertThat(provider.send(TENANT, new OutboundRequest("96170123456", false, "8812",
                new OutboundContent.Template("t", "en", List.of()), null, "k")))
                .isInstanceOf(SendResult.Rejected.class);
        assertThat(provider.send(TENANT, new OutboundRequest("96170123456", false, null,
                new OutboundContent.Text("x"), null, "k"))).isInstanceOf(SendResult.Rejected.class);
        assertThat(provider.download(TENANT, "x")).isInstanceOf(MediaResult.Unavailable.class);
        QISCUS.stubFor(post("/clinic-app/bot").willReturn(aResponse().withStatus(502)));
        assertThat(provider.send(TENANT, new OutboundRequest("96170123456", false, "8812",
                new OutboundContent.Text("x"), null, "k"))).isInstanceOf(SendResult.Retryable.class);
        assertThat(QiscusProvider.phone("someone@example.com", "Room 1")).isNull();
        assertThat(QiscusProvider.phone("someone@example.com", "+961 70 123 456")).isEqualTo("96170123456");
    }
}
