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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.openai.client.OpenAIClient;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.Classification;
import com.zorahai.ai.EmailText;
import com.zorahai.ai.Field;
import com.zorahai.ai.OpenAiStub;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.ai.rules.CleanedEmail;
import com.zorahai.ai.rules.EmailCleaner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiExtractorTests {

    private static final String PATH = "/v1/chat/completions";

    private WireMockServer openai;
    private OpenAIClient client;
    private OpenAiExtractor extractor;
    private CleanedEmail email;

    @TempDir
    Path prompts;

    @BeforeEach
    void start() {
        openai = new WireMockServer(wireMockConfig().dynamicPort());
        openai.start();
        // builds with the SDK's own Jackson 2 version check on: it passes beside Boot's Jackson 3
        client = OpenAiConfiguration.client(new AiProperties.OpenAi("sk-test", openai.baseUrl() + "/v1",
                Duration.ofSeconds(20), 0));
        extractor = new OpenAiExtractor(client, prompts);
        EmailText text = OpenAiStub.zanzibarEmail();
        email = new EmailCleaner().clean(text);
    }

    @AfterEach
    void stop() {
        client.close();
        openai.stop();
    }

    private TravelRequestExtraction extract() {
        return extractor.extract(email, "Sarah Mitchell <sarah@example.com>", "gpt-4o-mini", LocalDate.of(2026, 11, 20),
                Currency.getInstance("ZAR"));
    }

    private void answer(ResponseDefinitionBuilder response) {
        openai.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void mapsTheStructuredAnswerToOurRecordsWithSpans() {
        answer(json(OpenAiStub.completion(OpenAiStub.zanzibarAnswer())));

        TravelRequestExtraction x = extract();

        assertThat(x.engine()).isEqualTo("openai");
        assertThat(x.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(x.classification()).isEqualTo(Classification.NEW_TRAVEL_REQUEST);
        assertThat(x.destinations()).extracting(Field::value).containsExactly("Zanzibar");
        assertThat(x.checkIn().value()).isEqualTo(LocalDate.of(2027, 4, 2));
        assertThat(x.childrenAges().value()).containsExactly(5, 9);
        assertThat(x.budget().value().amount()).isEqualByComparingTo("80000");
        assertThat(x.budget().value().currency().getCurrencyCode()).isEqualTo("ZAR");
        assertThat(x.budgetPerPerson().value()).isFalse();
        assertThat(x.phone().isPresent()).isFalse();
        // the quoted source is found in the cleaned text, ignoring case and line breaks
        assertThat(x.destinations().get(0).span().text()).isEqualTo("Zanzibar");
        assertThat(email.text().substring(x.adults().span().start(), x.adults().span().end())).isEqualTo("2 adults");
        assertThat(x.specialRequests().span().text()).isEqualTo("close to the beach");
        // a value without a source keeps the model's value with a little less confidence
        assertThat(x.nights().span()).isNull();
        assertThat(x.nights().confidence()).isLessThan(0.85);
    }

    @Test
    void sendsTheModelThePromptAndOurJsonSchema() throws IOException {
        Files.writeString(prompts.resolve("travel-request-extraction.md"), "Operator prompt v1");
        answer(json(OpenAiStub.completion(OpenAiStub.zanzibarAnswer())));

        extract();

        openai.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.required[0]",
                        equalTo("classification")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("Operator prompt v1")))
                .withRequestBody(matchingJsonPath("$.messages[1].content",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("2-9 April 2027"))));
    }

    @Test
    void anEditedPromptAppliesOnTheNextCall() throws IOException {
        Path file = prompts.resolve("travel-request-extraction.md");
        Files.writeString(file, "first");
        answer(json(OpenAiStub.completion(OpenAiStub.zanzibarAnswer())));
        extract();

        Files.writeString(file, "second");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        extract();

        openai.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("second"))));
    }

    @Test
    void withoutAPromptFileTheShippedOneIsUsed() {
        answer(json(OpenAiStub.completion(OpenAiStub.zanzibarAnswer())));

        extract();

        openai.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.messages[0].content",
                com.github.tomakehurst.wiremock.client.WireMock.containing("travel agency"))));
    }

    @Test
    void aSlowAnswerIsATimeout() {
        answer(json(OpenAiStub.completion(OpenAiStub.zanzibarAnswer())).withFixedDelay(3_000));
        OpenAIClient impatient = OpenAiConfiguration.client(
                new AiProperties.OpenAi("sk-test", openai.baseUrl() + "/v1", Duration.ofMillis(300), 0));
        try {
            OpenAiExtractor slow = new OpenAiExtractor(impatient, prompts);

            assertThatThrownBy(() -> slow.extract(email, "x", "gpt-4o-mini", LocalDate.of(2026, 11, 20),
                    Currency.getInstance("ZAR"))).isInstanceOf(AiCallFailed.class)
                    .extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("timeout");
        } finally {
            impatient.close();
        }
    }

    @Test
    void errorStatusesHaveTheirReasons() {
        answer(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));
        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("rate_limited");

        answer(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));
        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("server_error");

        answer(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"));
        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("client_error");
    }

    @Test
    void answersThatDoNotFitTheSchemaAreInvalid() {
        answer(json(OpenAiStub.completion("Sure! Here is the JSON you asked for")));
        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("invalid_response");

        answer(json(OpenAiStub.completion("{\"classification\":\"new_travel_request\"}")));
        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("invalid_response");

        answer(json(OpenAiStub.completion(OpenAiStub.zanzibarAnswer().replace("2027-04-02", "2 April"))));
        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("invalid_response");

        answer(json(OpenAiStub.completion("[1, 2]")));
        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("invalid_response");

        answer(json("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}"));
        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("invalid_response");
    }

    @Test
    void aRefusalIsAFailure() {
        answer(json(OpenAiStub.refusal()));

        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isEqualTo("refused");
    }

    @Test
    void anUnreachableServerIsAnIoFailure() {
        openai.stop();

        assertThatThrownBy(this::extract).extracting(e -> ((AiCallFailed) e).reason()).isIn("io", "timeout");
    }

    @Test
    void locatesQuotesLoosely() {
        assertThat(OpenAiExtractor.locate("Fly from\nCape  Town please", "from cape town").text())
                .isEqualTo("from\nCape  Town");
        assertThat(OpenAiExtractor.locate("abc", "xyz")).isNull();
        assertThat(OpenAiExtractor.locate("abc", " ")).isNull();
    }

    @Test
    void theKeyNeverShowsInTheSettings() {
        assertThat(new AiProperties.OpenAi("sk-secret", "http://x", Duration.ofSeconds(1), 0).toString())
                .doesNotContain("sk-secret").contains("(set)");
    }
}
