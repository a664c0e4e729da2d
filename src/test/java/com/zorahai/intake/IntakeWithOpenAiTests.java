package com.zorahai.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.zorahai.TestTokens;
import com.zorahai.ai.OpenAiStub;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Intake with an OpenAI key: the model's answer (a fake Chat Completions API on WireMock) drives the request, its
 * per-field confidence decides the queue, and a model that does not answer within the timeout leaves the request to
 * the rules. A context of its own (the OpenAI beans exist only with a key).
 */
@SpringBootTest(properties = {"zorah.ai.openai.api-key=sk-test-intake", "zorah.ai.openai.timeout=3s",
        "zorah.ai.openai.max-retries=0"})
@AutoConfigureMockMvc
@Import(TestTokens.class)
class IntakeWithOpenAiTests extends IntakeTestSupport {

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final WireMockServer OPENAI = new WireMockServer(options().dynamicPort());

    static {
        OPENAI.start();
        OPENAI.stubFor(WireMock.post(urlEqualTo(COMPLETIONS)).atPriority(10).willReturn(json(OpenAiStub.completion(
                OpenAiStub.zanzibarAnswer()))));
        // the model is slower than the timeout for mail about a slow day
        OPENAI.stubFor(WireMock.post(urlEqualTo(COMPLETIONS)).atPriority(1).withRequestBody(containing("slow day"))
                .willReturn(json(OpenAiStub.completion(OpenAiStub.zanzibarAnswer())).withFixedDelay(6000)));
        // and unsure of the dates for mail about maybe dates
        OPENAI.stubFor(WireMock.post(urlEqualTo(COMPLETIONS)).atPriority(1).withRequestBody(containing("maybe dates"))
                .willReturn(json(OpenAiStub.completion(OpenAiStub.zanzibarAnswer()
                        .replace("\"value\":\"2027-04-02\",\"confidence\":0.9",
                                "\"value\":\"2027-04-02\",\"confidence\":0.4")))));
    }

    @DynamicPropertySource
    static void openai(DynamicPropertyRegistry registry) {
        registry.add("zorah.ai.openai.base-url", () -> OPENAI.baseUrl() + "/v1");
    }

    @AfterAll
    static void stop() {
        OPENAI.stop();
    }

    @Autowired
    MeterRegistry meters;

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void theModelsReadingDraftsThePricedQuote() {
        String tenant = newTenant();
        rates(tenant, ZANZIBAR_RATES);

        UUID email = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar family holiday")
                .text(ZANZIBAR_TEXT));
        Map<String, Object> row = handled(tenant, email);

        assertThat(row.get("engine")).isEqualTo("openai");
        assertThat(row.get("model")).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(row.get("status")).isEqualTo("processed");
        assertThat(row.get("quote_number")).isEqualTo("Q-000001");
        assertThat(jdbc.sql("select total from quotes where tenant_id = ?").param(tenant).query(BigDecimal.class)
                .single()).isEqualByComparingTo("42000");
        OPENAI.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withRequestBody(matchingJsonPath("$.model", containing("gpt-4o-mini")))
                .withRequestBody(containing("2-9 April 2027")));
    }

    @Test
    void whatTheModelIsUnsureOfGoesToTheQueue() {
        String tenant = newTenant();

        UUID email = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar, maybe dates")
                .text(ZANZIBAR_TEXT));
        Map<String, Object> row = handled(tenant, email);

        assertThat(row.get("engine")).isEqualTo("openai");
        assertThat(row.get("status")).isEqualTo("needs_review");
        assertThat(row.get("review_reason")).isEqualTo("Not read confidently enough: check_in");
        assertThat(mvc.get().uri("/api/v1/intake/reviews/{id}", row.get("id")).header("Authorization",
                tokens.bearer(tenant, com.zorahai.identity.Role.CONSULTANT))).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.extraction.engine").isEqualTo("openai");
                    assertThat(json).extractingPath("$.extraction.fields.check_in.confidence").isEqualTo(0.4);
                    assertThat(json).extractingPath("$.extraction.fields.check_in.span.text").isEqualTo(
                            "2-9 April 2027");
                });
    }

    @Test
    void aModelPastItsTimeoutLeavesTheRequestToTheRules() {
        String tenant = newTenant();
        rates(tenant, ZANZIBAR_RATES);
        double before = fallbacks();

        UUID email = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar family holiday, slow day")
                .text(ZANZIBAR_TEXT));
        Map<String, Object> row = handled(tenant, email);

        assertThat(row.get("engine")).isEqualTo("rules");
        assertThat(row.get("status")).isEqualTo("processed");
        assertThat(row.get("quote_number")).isEqualTo("Q-000001");
        assertThat(fallbacks()).isEqualTo(before + 1);
    }

    @Test
    void mailScoredAsSpamIsReadByTheRulesWithoutAModelCall() {
        String tenant = newTenant();

        UUID email = post(tenant, ParsedMail.to(address(tenant)).from("Deals", "deals@cheap-trips.example")
                .subject("Zanzibar holiday, spam offer").spamScore("9.8").text(ZANZIBAR_TEXT));
        Map<String, Object> row = handled(tenant, email);

        assertThat(row.get("engine")).isEqualTo("rules");
        assertThat(row.get("outcome")).isEqualTo("spam");
        assertThat(row.get("status")).isEqualTo("ignored");
        OPENAI.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("spam offer")));
    }

    private double fallbacks() {
        Counter counter = meters.find("zorah.ai.fallbacks").tag("reason", "timeout").counter();
        return counter == null ? 0 : counter.count();
    }
}
