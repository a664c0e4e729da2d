package com.zorahai.ai.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.openai.client.OpenAIClient;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.ChatResult;
import com.zorahai.ai.OpenAiToolStub;
import com.zorahai.ai.ToolCall;
import com.zorahai.ai.ToolChat;
import com.zorahai.ai.ToolChatMessage;
import com.zorahai.ai.ToolChatRequest;
import com.zorahai.ai.ToolChatResult;
import com.zorahai.ai.ToolDefinition;
import com.zorahai.ai.Transcription;
import com.zorahai.ai.Vision;
import com.zorahai.ai.VisionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Tool calling, vision and transcription against a fake OpenAI answering in the documented shapes. */
class OpenAiToolsTests {

    private static final String CHAT = "/v1/chat/completions";
    private static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";
    private static final ToolDefinition AVAILABILITY = new ToolDefinition("check_availability",
            "Free start times", Map.of("type", "object", "properties", Map.of("date", Map.of("type", "string")),
                    "required", List.of("date"), "additionalProperties", false));

    private WireMockServer openai;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        openai = new WireMockServer(wireMockConfig().dynamicPort());
        openai.start();
        client = OpenAiConfiguration.client(new AiProperties.OpenAi("sk-test", openai.baseUrl() + "/v1",
                Duration.ofSeconds(20), 0));
    }

    @AfterEach
    void stop() {
        client.close();
        openai.stop();
    }

    private void answer(String path, ResponseDefinitionBuilder response) {
        openai.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ToolChatRequest request(List<ToolChatMessage> messages) {
        return new ToolChatRequest("gpt-4o-mini", messages, List.of(AVAILABILITY), 0.3, 300);
    }

    @Test
    void toolCallsComeBackAsOurRecords() {
        answer(CHAT, json(OpenAiToolStub.toolCalls(OpenAiToolStub.call("call_Xb2", "check_availability",
                Map.of("date", "2026-12-07")))));
        ToolChat chat = new OpenAiToolChat(client);

        ToolChatResult result = chat.complete(request(List.of(ToolChatMessage.system("Be brief."),
                ToolChatMessage.user("Any time on Monday?"))));

        assertThat(result.wantsTools()).isTrue();
        assertThat(result.text()).isNull();
        assertThat(result.toolCalls()).containsExactly(new ToolCall("call_Xb2", "check_availability",
                "{\"date\":\"2026-12-07\"}"));
        assertThat(result.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(result.usage().promptTokens()).isEqualTo(412);
        assertThat(result.usage().completionTokens()).isEqualTo(38);
        openai.verify(postRequestedFor(urlEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.tools[0].type", equalTo("function")))
                .withRequestBody(matchingJsonPath("$.tools[0].function.name", equalTo("check_availability")))
                .withRequestBody(matchingJsonPath("$.tools[0].function.parameters.required[0]", equalTo("date")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("Any time on Monday?")))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("300"))));
    }

    @Test
    void earlierCallsAndTheirResultsAreSentBackAndTheFinalTextIsRead() {
        answer(CHAT, json(OpenAiToolStub.text("Monday at 10:00 is free. Shall I book it?")));
        ToolChat chat = new OpenAiToolChat(client);

        ToolChatResult result = chat.complete(request(List.of(ToolChatMessage.system("Be brief."),
                ToolChatMessage.user("Any time on Monday?"),
                new ToolChatMessage.Assistant(null, List.of(new ToolCall("call_Xb2", "check_availability",
                        "{\"date\":\"2026-12-07\"}"))),
                new ToolChatMessage.ToolResult("call_Xb2", "{\"free\":[\"2026-12-07T10:00\"]}"))));

        assertThat(result.wantsTools()).isFalse();
        assertThat(result.text()).isEqualTo("Monday at 10:00 is free. Shall I book it?");
        openai.verify(postRequestedFor(urlEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("assistant")))
                .withRequestBody(matchingJsonPath("$.messages[2].tool_calls[0].id", equalTo("call_Xb2")))
                .withRequestBody(matchingJsonPath("$.messages[2].tool_calls[0].function.name",
                        equalTo("check_availability")))
                .withRequestBody(matchingJsonPath("$.messages[3].role", equalTo("tool")))
                .withRequestBody(matchingJsonPath("$.messages[3].tool_call_id", equalTo("call_Xb2")))
                .withRequestBody(matchingJsonPath("$.messages[3].content",
                        equalTo("{\"free\":[\"2026-12-07T10:00\"]}"))));
    }

    @Test
    void failuresAreAiCallFailedWithAReason() {
        ToolChat chat = new OpenAiToolChat(client);
        List<ToolChatMessage> messages = List.of(ToolChatMessage.user("Hi"));

        answer(CHAT, aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}"));
        assertThatThrownBy(() -> chat.complete(request(messages))).isInstanceOf(AiCallFailed.class)
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("rate_limited"));

        answer(CHAT, json(OpenAiToolStub.text("x").replace("\"content\":\"x\"", "\"content\":null")));
        assertThatThrownBy(() -> chat.complete(request(messages))).isInstanceOf(AiCallFailed.class)
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("invalid_response"));

        answer(CHAT, json(OpenAiToolStub.text("x").replace("\"content\":\"x\",\"refusal\":null",
                "\"content\":null,\"refusal\":\"I can't help with that.\"")));
        assertThatThrownBy(() -> chat.complete(request(messages))).isInstanceOf(AiCallFailed.class)
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("refused"));
    }

    @Test
    void anImageGoesInlineAsADataUrlBesideItsCaption() {
        answer(CHAT, json(OpenAiToolStub.text("I can see some redness. Our specialists can assess it.")));
        Vision vision = new OpenAiVision(client);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x11};

        ChatResult result = vision.describe(new VisionRequest("gpt-4o-mini", "Never diagnose.", jpeg,
                "image/jpeg", "is this ok?", 200));

        assertThat(result.text()).isEqualTo("I can see some redness. Our specialists can assess it.");
        assertThat(result.usage().totalTokens()).isEqualTo(594);
        openai.verify(postRequestedFor(urlEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("Never diagnose.")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].text", equalTo("is this ok?")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[1].type", equalTo("image_url")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[1].image_url.url",
                        equalTo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)))));
    }

    @Test
    void aVoiceNoteIsPostedAsMultipartAndItsTextRead() {
        answer(TRANSCRIPTIONS, json(OpenAiToolStub.transcription("Bonjour, je voudrais un rendez-vous.")));
        Transcription transcription = new OpenAiTranscription(client, "gpt-4o-mini-transcribe");
        byte[] ogg = "OggS fake opus".getBytes(StandardCharsets.US_ASCII);

        Transcription.Transcript transcript = transcription.transcribe(ogg, "audio/ogg; codecs=opus", "fr");

        assertThat(transcript.text()).isEqualTo("Bonjour, je voudrais un rendez-vous.");
        assertThat(transcript.model()).isEqualTo("gpt-4o-mini-transcribe");
        openai.verify(postRequestedFor(urlEqualTo(TRANSCRIPTIONS))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("model").withBody(equalTo("gpt-4o-mini-transcribe"))
                        .build())
                .withRequestBodyPart(aMultipart().withName("language").withBody(equalTo("fr")).build())
                .withRequestBodyPart(aMultipart().withName("file")
                        .withHeader("Content-Disposition", containing("filename=\"voice.ogg\""))
                        .build()));
        assertThat(OpenAiTranscription.extension("audio/mpeg")).isEqualTo("mp3");
        assertThat(OpenAiTranscription.extension("audio/mp4")).isEqualTo("m4a");
    }

    @Test
    void whisperIsChosenByConfigurationAndEmptyAudioIsRefused() {
        answer(TRANSCRIPTIONS, json("{\"text\": \"Hello\"}"));
        Transcription whisper = new OpenAiTranscription(client, "whisper-1");

        assertThat(whisper.transcribe(new byte[]{1, 2, 3}, null, null).text()).isEqualTo("Hello");
        openai.verify(postRequestedFor(urlEqualTo(TRANSCRIPTIONS))
                .withRequestBodyPart(aMultipart().withName("model").withBody(equalTo("whisper-1")).build()));
        assertThatThrownBy(() -> whisper.transcribe(new byte[0], "audio/ogg", null))
                .isInstanceOf(AiCallFailed.class);
        answer(TRANSCRIPTIONS, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"boom\"}}"));
        assertThatThrownBy(() -> whisper.transcribe(new byte[]{1}, "audio/ogg", null))
                .isInstanceOf(AiCallFailed.class)
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("server_error"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AiProperties.class)
    static class Settings {
    }

    @Test
    void theBeansExistOnlyWithAKeyAndTheTranscriptionModelIsConfigurable() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, OpenAiConfiguration.class, OpenAiToolsConfiguration.class);
        runner.withPropertyValues("zorah.ai.openai.api-key=sk-test", "zorah.ai.transcription.model=whisper-1")
                .run(context -> {
                    assertThat(context).hasSingleBean(ToolChat.class).hasSingleBean(Vision.class)
                            .hasSingleBean(Transcription.class);
                    assertThat(context.getBean(OpenAiToolsConfiguration.TranscriptionProperties.class).model())
                            .isEqualTo("whisper-1");
                });
        runner.withPropertyValues("zorah.ai.openai.api-key=sk-test").run(context -> assertThat(
                context.getBean(OpenAiToolsConfiguration.TranscriptionProperties.class).model())
                .isEqualTo("gpt-4o-mini-transcribe"));
        runner.run(context -> assertThat(context).doesNotHaveBean(ToolChat.class).doesNotHaveBean(Vision.class)
                .doesNotHaveBean(Transcription.class));
    }
}
