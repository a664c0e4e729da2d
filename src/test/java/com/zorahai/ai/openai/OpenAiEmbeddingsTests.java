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
import com.zorahai.ai.Embeddings;
import com.zorahai.ai.FakeEmbeddings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingsTests {

    private WireMockServer openai;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        openai = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeEmbeddings()));
        openai.start();
        client = OpenAiConfiguration.client(new AiProperties.OpenAi("sk-test", openai.baseUrl() + "/v1", Duration
                .ofSeconds(20), 0));
    }

    @AfterEach
    void stop() {
        client.close();
        openai.stop();
    }

    @Test
    void embedsInBatchesInOrderWithTheConfiguredModelAndDimensions() {
        openai.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withTransformers(
                FakeEmbeddings.NAME)));
        Embeddings embeddings = new OpenAiEmbeddings(client, "text-embedding-3-small", 40);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < OpenAiEmbeddings.MAX_BATCH + 3; i++) {
            texts.add("text number " + i);
        }

        Embeddings.EmbeddingBatch batch = embeddings.embed(texts);

        assertThat(batch.vectors()).hasSize(texts.size()).allSatisfy(v -> assertThat(v).hasSize(40));
        assertThat(batch.vectors().get(7)).isEqualTo(FakeEmbeddings.vector("text number 7", 40));
        assertThat(batch.model()).isEqualTo("text-embedding-3-small");
        assertThat(batch.promptTokens()).isEqualTo(3L * texts.size());
        openai.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings")));
        openai.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("text-embedding-3-small")))
                .withRequestBody(matchingJsonPath("$.dimensions", equalTo("40")))
                .withRequestBody(matchingJsonPath("$.encoding_format", equalTo("float"))));
    }

    @Test
    void aWrongVectorLengthOrAnErrorIsAFailedCall() {
        openai.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody(
                        "{\"object\": \"list\", \"data\": [{\"object\": \"embedding\", "
                                + "\"index\": 0, \"embedding\": [0.1, 0.2, 0.3]}], \"model\": \"text-embedding-3-small\", "
                                + "\"usage\": {\"prompt_tokens\": 1, \"total_tokens\": 1}}")));
        assertThatThrownBy(() -> new OpenAiEmbeddings(client, "text-embedding-3-small", 40).embed(List.of("x")))
                .isInstanceOf(AiCallFailed.class)
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("invalid_response"));

        openai.resetAll();
        openai.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(429).withHeader(
                "Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));
        assertThatThrownBy(() -> new OpenAiEmbeddings(client, "text-embedding-3-small", 40).embed(List.of("x")))
                .isInstanceOf(AiCallFailed.class)
                .satisfies(e -> assertThat(((AiCallFailed) e).reason()).isEqualTo("rate_limited"));
    }
}
