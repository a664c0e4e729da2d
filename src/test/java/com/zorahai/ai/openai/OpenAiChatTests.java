package com.zorahai.ai.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.ChatMessage;
import com.zorahai.ai.ChatRequest;
import com.zorahai.ai.ChatResult;
import com.zorahai.ai.OpenAiStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiChatTests {

    private WireMockServer openai;
    private OpenAIClient client;
    private OpenAiChat chat;

    @BeforeEach
    void start() {
        openai = new WireMockServer(wireMockConfig().dynamicPort());
        openai.start();
        client = OpenAiConfiguration.client(new AiProperties.OpenAi("sk-test", openai.baseUrl() + "/v1", Duration
                .ofSeconds(20), 0));
        chat = new OpenAiChat(client);
    }

    @AfterEach
    void stop() {
        client.close();
        openai.stop();
    }

    private void answer(int status, String body) {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void sendsTheMessagesAndReturnsTextModelAndTokens() {
        answer(200, OpenAiStub.completion("We open at 9."));

        ChatResult result = chat.complete(ChatRequest.of("gpt-4o-mini", List.of(ChatMessage.system("Be brief."),
                ChatMessage.user("When do you open?"), ChatMessage.assistant("Which day?"), ChatMessage.user(
                        "Monday"))));

        assertThat(result.text()).isEqualTo("We open at 9.");
        assertThat(result.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(result.usage().promptTokens()).isEqualTo(812);
        assertThat(result.usage().completionTokens()).isEqualTo(240);
        assertThat(result.usage().totalTokens()).isEqualTo(1052);
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("assistant")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", equalTo("Monday"))));
    }

    @Test
    void aSchemaAsksForStrictStructuredOutput() {
        answer(200, OpenAiStub.completion("{\"answer\":\"9 am\"}"));
        ChatRequest request = new ChatRequest("gpt-4o-mini", List.of(ChatMessage.user("When?")), null, 200, null)
                .withSchema(new ChatRequest.ResponseSchema("answer", Map.of("type", "object", "properties", Map.of(
                        "answer", Map.of("type", "string")), "required", List.of("answer"), "additionalProperties",
                        false)));

        assertThat(chat.complete(request).text()).isEqualTo("{\"answer\":\"9 am\"}");
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("answer")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("200"))));
    }

    @Test
    void refusalsAndErrorsAreFailedCalls() {
        answer(200, OpenAiStub.refusal());
        assertThatThrownBy(() -> chat.complete(ChatRequest.of("gpt-4o-mini", List.of(ChatMessage.user("x")))))
                .isInstanceOf(AiCallFailed.class)
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("refused"));
        answer(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
        assertThatThrownBy(() -> chat.complete(ChatRequest.of("gpt-4o-mini", List.of(ChatMessage.user("x")))))
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("server_error"));
        answer(400, "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}");
        assertThatThrownBy(() -> chat.complete(ChatRequest.of("gpt-4o-mini", List.of(ChatMessage.user("x")))))
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("client_error"));
    }
}
