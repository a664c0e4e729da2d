package com.zorahai.whatsapp.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.OutboundContent;
import com.zorahai.whatsapp.provider.MediaResult;
import com.zorahai.whatsapp.provider.OutboundRequest;
import com.zorahai.whatsapp.provider.SendResult;
import com.zorahai.whatsapp.provider.TemplateList;
import com.zorahai.whatsapp.provider.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MetaCloudProviderTests {

    static final WireMockServer GRAPH = new WireMockServer(options().dynamicPort());
    static final String MESSAGES = "/v21.0/106540352242922/messages";
    static final Tenant TENANT = TestTenants.with("meta", "106540352242922",
            Map.of("api_token", "EAAJB-test-token", "business_account_id", "102290129340398"));

    MetaCloudProvider meta;

    @BeforeAll
    static void start() {
        GRAPH.start();
    }

    @AfterAll
    static void stop() {
        GRAPH.stop();
    }

    @BeforeEach
    void reset() {
        GRAPH.resetAll();
        meta = new MetaCloudProvider(new MetaProperties(GRAPH.baseUrl(), "v21.0", Duration.ofSeconds(2),
                Duration.ofSeconds(2), DataSize.ofMegabytes(1), 3));
    }

    static String accepted(String wamid) {
        return """
                {"messaging_product": "whatsapp", "contacts": [{"input": "96170123456", "wa_id": "96170123456"}],
                 "messages": [{"id": "%s"}]}""".formatted(wamid);
    }

    static OutboundRequest to(OutboundContent content) {
        return new OutboundRequest("96170123456", false, null, content, null, "key-1");
    }

    @Test
    void textIsSentWithTheBearerTokenAndTheMessageIdComesBack() {
        GRAPH.stubFor(post(MESSAGES).willReturn(okJson(accepted("wamid.HBgLOTYxNzAxMjM0NTYVAgARGBI"))));

        SendResult result = meta.send(TENANT, to(new OutboundContent.Text("Your appointment is confirmed.")));

        assertThat(result).isEqualTo(new SendResult.Sent("wamid.HBgLOTYxNzAxMjM0NTYVAgARGBI", 200));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer EAAJB-test-token"))
                .withRequestBody(equalToJson(
                        """
                                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "96170123456",
                                 "type": "text", "text": {"body": "Your appointment is confirmed.", "preview_url": false}}""")));
    }

    @Test
    void imageDocumentInteractiveAndTemplateBodiesHaveMetasShape() {
        GRAPH.stubFor(post(MESSAGES).willReturn(okJson(accepted("wamid.1"))));

        meta.send(TENANT, to(new OutboundContent.Media(MessageType.IMAGE, "https://cdn.example/p.jpg", "Before",
                null)));
        meta.send(TENANT, to(new OutboundContent.Media(MessageType.DOCUMENT, "https://cdn.example/i.pdf", null,
                "invoice.pdf")));
        meta.send(TENANT, to(OutboundContent.Interactive.buttons("Confirm?", List.of(
                new OutboundContent.Choice("yes", "Yes"), new OutboundContent.Choice("no", "No")))));
        meta.send(TENANT, to(OutboundContent.Interactive.list("Pick", "Options", List.of(
                new OutboundContent.Section("Times", List.of(new OutboundContent.Choice("t1", "10:00")))))));
        meta.send(TENANT, to(new OutboundContent.Template("appointment_reminder", "en_US", List.of("Maya", "Fri"))));
        meta.send(TENANT, new OutboundRequest("US.13491208655302741918", true, null,
                new OutboundContent.Text("hi"), "wamid.quoted", "k"));

        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"type": "image", "image": {"link": "https://cdn.example/p.jpg", "caption": "Before"}}""", true,
                true)));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"type": "document", "document": {"link": "https://cdn.example/i.pdf", "filename": "invoice.pdf"}}""",
                true, true)));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"type": "interactive", "interactive": {"type": "button", "body": {"text": "Confirm?"},
                 "action": {"buttons": [{"type": "reply", "reply": {"id": "yes", "title": "Yes"}},
                                        {"type": "reply", "reply": {"id": "no", "title": "No"}}]}}}""", true, true)));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"interactive": {"type": "list", "action": {"button": "Options",
                 "sections": [{"title": "Times", "rows": [{"id": "t1", "title": "10:00"}]}]}}}""", true, true)));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"type": "template", "template": {"name": "appointment_reminder", "language": {"code": "en_US"},
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Maya"},
                                                                {"type": "text", "text": "Fri"}]}]}}""", true,
                true)));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.recipient", equalTo("US.13491208655302741918")))
                .withRequestBody(matchingJsonPath("$.context.message_id", equalTo("wamid.quoted"))));
    }

    @Test
    void errorsMapToOutcomes() {
        GRAPH.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody(
                        """
                                {"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException",
                                 "code": 131047, "error_data": {"messaging_product": "whatsapp",
                                 "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                                 "fbtrace_id": "AbCdEf"}}""")));
        assertThat(meta.send(TENANT, to(new OutboundContent.Text("late")))).isInstanceOfSatisfying(
                SendResult.Rejected.class, r -> {
                    assertThat(r.windowClosed()).isTrue();
                    assertThat(r.errorCode()).isEqualTo(131047);
                    assertThat(r.error()).contains("Re-engagement");
                });

        GRAPH.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"message": "(#130429) Rate limit hit", "type": "OAuthException", "code": 130429,
                         "error_data": {"messaging_product": "whatsapp",
                         "details": "Cloud API message throughput has been reached."}}}""")));
        assertThat(meta.send(TENANT, to(new OutboundContent.Text("busy")))).isInstanceOfSatisfying(
                SendResult.Retryable.class, r -> {
                    assertThat(r.throttled()).isTrue();
                    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });

        GRAPH.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("""
                        {"error": {"message": "(#131056) (Business Account, Consumer Account) pair rate limit hit",
                         "code": 131056}}""")));
        assertThat(meta.send(TENANT, to(new OutboundContent.Text("again")))).isInstanceOfSatisfying(
                SendResult.Retryable.class, r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(6)));

        GRAPH.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503)));
        assertThat(meta.send(TENANT, to(new OutboundContent.Text("x")))).isInstanceOfSatisfying(
                SendResult.Retryable.class, r -> assertThat(r.throttled()).isFalse());

        GRAPH.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(401).withHeader("Content-Type",
                "application/json").withBody("""
                        {"error": {"message": "Error validating access token: Session has expired",
                         "type": "OAuthException", "code": 190, "error_subcode": 463}}""")));
        assertThat(meta.send(TENANT, to(new OutboundContent.Text("x")))).isInstanceOfSatisfying(
                SendResult.Rejected.class, r -> {
                    assertThat(r.errorCode()).isEqualTo(190);
                    assertThat(r.windowClosed()).isFalse();
                });

        GRAPH.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody(
                        """
                                {"error": {"message": "(#132000) Number of parameters does not match the expected number of params",
                                 "code": 132000}}""")));
        assertThat(meta.send(TENANT, to(new OutboundContent.Template("t", "en", List.of()))))
                .isInstanceOf(SendResult.Rejected.class);

        GRAPH.stop();
        assertThat(meta.send(TENANT, to(new OutboundContent.Text("x")))).isInstanceOf(SendResult.Retryable.class);
        GRAPH.start();
    }

    @Test
    void withoutTokenOrNumberNothingIsCalled() {
        Tenant bare = TestTenants.with("meta", null, Map.of());
        assertThat(meta.configured(bare)).isFalse();
        assertThat(meta.missingConfiguration(bare)).contains("WHATSAPP_API_TOKEN").contains("WHATSAPP_PHONE_NUMBER_ID");
        assertThat(meta.send(bare, to(new OutboundContent.Text("x")))).isInstanceOf(SendResult.NotConfigured.class);
        assertThat(GRAPH.getAllServeEvents()).isEmpty();
    }

    @Test
    void markAsReadPostsTheReadStatus() {
        GRAPH.stubFor(post(MESSAGES).willReturn(okJson("{\"success\": true}")));
        assertThat(meta.markRead(TENANT, "wamid.in")).isInstanceOf(SendResult.Sent.class);
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.in"}""")));
    }

    @Test
    void mediaIsFetchedInTwoStepsWithTheToken() {
        GRAPH.stubFor(get("/v21.0/1479537139650973").withHeader("Authorization", equalTo("Bearer EAAJB-test-token"))
                .willReturn(okJson("""
                        {"url": "%s/whatsapp_business/attachments/?mid=1479537139650973&ext=1700000000&hash=ATs",
                         "mime_type": "audio/ogg", "sha256": "abc", "file_size": 5, "id": "1479537139650973",
                         "messaging_product": "whatsapp"}""".formatted(GRAPH.baseUrl()))));
        GRAPH.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/"))
                .withHeader("Authorization", equalTo("Bearer EAAJB-test-token"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/ogg").withBody(new byte[]{1, 2, 3, 4,
                        5})));

        assertThat(meta.download(TENANT, "1479537139650973")).isInstanceOfSatisfying(MediaResult.Fetched.class,
                f -> {
                    assertThat(f.content()).containsExactly(1, 2, 3, 4, 5);
                    assertThat(f.mimeType()).isEqualTo("audio/ogg");
                });

        GRAPH.stubFor(get("/v21.0/expired").willReturn(aResponse().withStatus(404)));
        assertThat(meta.download(TENANT, "expired")).isInstanceOf(MediaResult.Unavailable.class);
        GRAPH.stubFor(get("/v21.0/flaky").willReturn(aResponse().withStatus(502)));
        assertThat(meta.download(TENANT, "flaky")).isInstanceOf(MediaResult.Failed.class);
        GRAPH.stubFor(get("/v21.0/dead-token").willReturn(aResponse().withStatus(401)));
        assertThat(meta.download(TENANT, "dead-token")).isInstanceOfSatisfying(MediaResult.Unavailable.class,
                u -> assertThat(u.reason()).contains("token"));
        assertThat(meta.download(TENANT, "../etc/passwd")).isInstanceOf(MediaResult.Unavailable.class);
    }

    @Test
    void templatesAreListedAcrossPages() {
        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/102290129340398/message_templates")).willReturn(okJson("""
                {"data": [{"name": "appointment_reminder", "language": "en_US", "status": "APPROVED",
                           "category": "UTILITY", "id": "1",
                           "components": [{"type": "BODY", "text": "Hi {{1}}, see you on {{2}}."}]}],
                 "paging": {"cursors": {"after": "QVFI"}, "next": "%s/v21.0/102290129340398/page2"}}"""
                .formatted(GRAPH.baseUrl()))));
        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/102290129340398/page2")).willReturn(okJson("""
                {"data": [{"name": "hello_world", "language": "en_US", "status": "APPROVED",
                           "category": "UTILITY", "components": [{"type": "BODY", "text": "Hello"}]}]}""")));

        TemplateList list = meta.templates(TENANT);

        assertThat(list.error()).isNull();
        assertThat(list.templates()).extracting(TemplateList.Template::name)
                .containsExactly("appointment_reminder", "hello_world");
        assertThat(list.templates().getFirst().bodyParameters()).isEqualTo(2);
    }
}
