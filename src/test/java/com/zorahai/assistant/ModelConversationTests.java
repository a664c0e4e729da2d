package com.zorahai.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.zorahai.ai.OpenAiToolStub.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zorahai.ai.OpenAiToolStub;
import com.zorahai.booking.Appointment;
import com.zorahai.booking.Bookings;
import com.zorahai.booking.Channel;
import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.ChatMessage;
import com.zorahai.whatsapp.MetaPayloads;
import com.zorahai.whatsapp.WhatsAppTenants;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The assistant with OpenAI, against a fake answering in the Chat Completions and transcription shapes: the tool
 * loop books through the built-in calendar, the model hands over or admits it has no answer, a failing or looping
 * model leaves the answer to the offline assistant, photos go to vision and voice notes are transcribed. One context
 * of its own (an API key is set), shared by these tests.
 */
@TestPropertySource(properties = {"zorah.ai.openai.api-key=sk-test-assistant", "zorah.ai.embeddings.enabled=false",
        "zorah.ai.openai.timeout=20s"})
class ModelConversationTests extends AssistantTestSupport {

    private static final String CHAT = "/v1/chat/completions";
    private static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";
    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    private static final WireMockServer OPENAI = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        OPENAI.start();
    }

    @DynamicPropertySource
    static void openAi(DynamicPropertyRegistry registry) {
        registry.add("zorah.ai.openai.base-url", () -> OPENAI.baseUrl() + "/v1");
        // Meta's Graph API (media of the Meta tenant) on the same fake
        registry.add("zorah.whatsapp.meta.base-url", OPENAI::baseUrl);
    }

    @AfterAll
    static void stop() {
        OPENAI.resetAll();
    }

    @Autowired
    Bookings bookings;

    @BeforeEach
    void reset() {
        OPENAI.resetAll();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The model's answers, one per request, in order. */
    private static void model(String... answers) {
        for (int i = 0; i < answers.length; i++) {
            OPENAI.stubFor(WireMock.post(urlEqualTo(CHAT)).inScenario("model")
                    .whenScenarioStateIs(i == 0 ? STARTED : "round-" + i)
                    .willReturn(json(answers[i]))
                    .willSetStateTo("round-" + (i + 1)));
        }
    }

    private static List<String> requests() {
        return OPENAI.findAll(postRequestedFor(urlEqualTo(CHAT))).stream().map(LoggedRequest::getBodyAsString)
                .toList();
    }

    @Test
    void theModelChecksAvailabilityAndBooksThroughTheBuiltInCalendar() {
        Clinic clinic = clinic("en");
        Customer maya = customer(clinic, "Maya");
        LocalDate monday = LocalDate.now(BEIRUT).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        model(OpenAiToolStub.toolCalls(call("call_1", "list_services", Map.of())),
                OpenAiToolStub.toolCalls(call("call_2", "check_availability", Map.of("service_id",
                        clinic.consultation(), "date", monday.toString()))),
                OpenAiToolStub.toolCalls(call("call_3", "book_appointment", Map.of("service_id",
                        clinic.consultation(), "start", monday + "T10:00", "customer_name", "Maya"))),
                OpenAiToolStub.text("You're booked for a consultation on Monday at 10:00. See you then!"));

        List<Sent> replies = maya.says("Please book me a consultation next Monday at 10am");

        assertThat(replies).singleElement().satisfies(s -> assertThat(s.text())
                .isEqualTo("You're booked for a consultation on Monday at 10:00. See you then!"));
        Appointment booked = bookings.upcomingFor(clinic.tenant(), "+" + maya.phone).getFirst();
        assertThat(booked.serviceName()).isEqualTo("Consultation");
        assertThat(booked.start().withZoneSameInstant(BEIRUT).toLocalDateTime()).isEqualTo(monday.atTime(10, 0));
        assertThat(booked.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(booked.customerName()).isEqualTo("Maya");

        List<String> requests = requests();
        assertThat(requests).hasSize(4);
        assertThat(requests.getFirst()).contains("\"name\":\"search_knowledge\"", "\"name\":\"list_services\"",
                "\"name\":\"check_availability\"", "\"name\":\"book_appointment\"",
                "\"name\":\"cancel_or_reschedule\"", "\"name\":\"handoff_to_human\"")
                .contains("Write in English only").contains("Please book me a consultation next Monday at 10am");
        assertThat(requests.get(1)).contains("\"tool_call_id\":\"call_1\"").contains("Consultation");
        assertThat(requests.get(2)).contains("\"tool_call_id\":\"call_2\"").contains(monday + "T10:00");
        assertThat(requests.get(3)).contains("\"tool_call_id\":\"call_3\"").contains("\\\"status\\\":\\\"booked\\\"");
        await().untilAsserted(() -> {
            assertThat(events.of(clinic.id(), maya.conversation(), AssistantAnswered.class)).singleElement()
                    .satisfies(a -> {
                        assertThat(a.engine()).isEqualTo("openai");
                        assertThat(a.promptTokens()).isEqualTo(3 * 412 + 530);
                        assertThat(a.completionTokens()).isEqualTo(3 * 38 + 64);
                    });
            assertThat(events.of(clinic.id(), maya.conversation(), BookingStarted.class)).singleElement()
                    .satisfies(b -> assertThat(b.serviceId()).isEqualTo(clinic.consultation()));
        });
    }

    @Test
    void theModelHandsOverOrAdmitsItHasNoAnswer() {
        Clinic clinic = clinic("en");
        Customer sara = customer(clinic, "Sara");
        model(OpenAiToolStub.text("[UNANSWERED] I don't know that yet; I've passed your question to our team."),
                OpenAiToolStub.toolCalls(call("call_9", "handoff_to_human", Map.of("reason", "upset customer"))),
                OpenAiToolStub.text("I'm so sorry. A member of our team will reply to you here shortly."));

        assertThat(texts(sara.says("Do you treat horses?")))
                .isEqualTo("I don't know that yet; I've passed your question to our team.");
        assertThat(jdbc.sql("select question from assistant_unanswered where tenant_id = :t")
                .param("t", clinic.id()).query(String.class).list()).containsExactly("Do you treat horses?");

        assertThat(texts(sara.says("This is unacceptable, I was burned last time!")))
                .startsWith("I'm so sorry.");
        assertThat(messages.conversation(clinic.tenant(), sara.conversation()).orElseThrow().handoffReason())
                .isEqualTo("model_asked");
        // the earlier exchange reached the model as history
        assertThat(requests().get(1)).contains("Do you treat horses?")
                .contains("I've passed your question to our team.");
    }

    @Test
    void aFailingOrLoopingModelLeavesTheAnswerToTheOfflineAssistant() {
        Clinic clinic = clinic("en");
        Customer adam = customer(clinic, "Adam");
        OPENAI.stubFor(WireMock.post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"message\": \"boom\"}}")));

        assertThat(texts(adam.says("Hi"))).startsWith("Hello Adam!");

        OPENAI.resetAll();
        OPENAI.stubFor(WireMock.post(urlEqualTo(CHAT)).willReturn(json(OpenAiToolStub.toolCalls(call("call_x",
                "search_knowledge", Map.of("query", "prices"))))));
        assertThat(texts(adam.says("What are your prices?"))).startsWith("Here are our prices:");
        assertThat(requests()).hasSize(5);
        await().untilAsserted(() -> assertThat(events.of(clinic.id(), adam.conversation(), AssistantAnswered.class))
                .hasSize(2).allSatisfy(a -> assertThat(a.engine()).isEqualTo("offline")));
    }

    @Test
    void aPhotoGetsACarefulAnswerAndAVoiceNoteIsTranscribedAndAnswered() {
        String tenant = WhatsAppTenants.newId();
        String phoneNumberId = "1" + System.nanoTime();
        tenants.create(tenant, "meta", phoneNumberId, "meta-app-secret", Map.of("api_token", "EAAG-test-token"));
        botOn(tenant);
        String from = "96171" + (100_000 + (int) (Math.random() * 899_999));
        OPENAI.stubFor(get(urlEqualTo("/v21.0/media-photo-1")).willReturn(json("""
                {"messaging_product": "whatsapp", "url": "%s/files/photo-1", "mime_type": "image/jpeg",
                 "sha256": "abc", "file_size": 4, "id": "media-photo-1"}""".formatted(OPENAI.baseUrl()))));
        OPENAI.stubFor(get(urlEqualTo("/files/photo-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2})));
        OPENAI.stubFor(get(urlEqualTo("/v21.0/media-voice-1")).willReturn(json("""
                {"messaging_product": "whatsapp", "url": "%s/files/voice-1", "mime_type": "audio/ogg; codecs=opus",
                 "sha256": "def", "file_size": 4, "id": "media-voice-1"}""".formatted(OPENAI.baseUrl()))));
        OPENAI.stubFor(get(urlEqualTo("/files/voice-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/ogg").withBody("OggS".getBytes(StandardCharsets.US_ASCII))));
        OPENAI.stubFor(WireMock.post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(OpenAiToolStub.transcription(
                "Quels sont vos horaires ?"))));
        model(OpenAiToolStub.text("Thank you for the photo. I can't assess it from a picture, but our specialists "
                + "can during a free consultation. Shall I book one?"),
                OpenAiToolStub.text("Nous sommes ouverts du lundi au samedi, de 9 h à 18 h."));

        String photo = MetaPayloads.image(wamid(), from, "media-photo-1", "is this normal?");
        UUID conversation = postMeta(tenant, phoneNumberId, from, photo);
        assertThat(outbound(tenant, conversation)).containsExactly("Thank you for the photo. I can't assess it from "
                + "a picture, but our specialists can during a free consultation. Shall I book one?");
        assertThat(requests().getFirst()).contains("data:image/jpeg;base64,/9gBAg==").contains("Never diagnose")
                .contains("is this normal?");

        postMeta(tenant, phoneNumberId, from, MetaPayloads.voiceNote(wamid(), from, "media-voice-1"));
        assertThat(outbound(tenant, conversation)).last()
                .isEqualTo("Nous sommes ouverts du lundi au samedi, de 9 h à 18 h.");
        assertThat(requests().get(1)).contains("Quels sont vos horaires ?").contains("Write in French only");
    }

    /** Posts a signed Meta webhook and waits for the assistant's turn; the conversation. */
    private UUID postMeta(String tenant, String phoneNumberId, String from, String message) {
        long before = turns(tenant);
        assertOk(postSigned("/webhook/whatsapp", MetaPayloads.messages(phoneNumberId, from, "Hiba", message),
                "meta-app-secret"));
        await().atMost(Duration.ofSeconds(20)).until(() -> turns(tenant) == before + 1);
        return conversationOf(tenant, from);
    }

    private long turns(String tenant) {
        return jdbc.sql("select count(*) from assistant_turns where tenant_id = :t and outcome is not null")
                .param("t", tenant).query(Long.class).single();
    }

    /** What the bot queued for the conversation, oldest first (the Meta outbox is not drained in tests). */
    private List<String> outbound(String tenant, UUID conversation) {
        return messages.recentMessages(TenantId.of(tenant), conversation, 50).stream()
                .filter(m -> m.direction().equals("outbound"))
                .map(ChatMessage::message)
                .map(m -> m.text())
                .toList();
    }
}
