package com.zorahai.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.zorahai.ai.openai.OpenAiExtractor;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway: the tenant's model through OpenAI, the rules without a key or when the model fails. */
class TravelRequestExtractorTests {

    private static final TenantId TENANT = new TenantId("sunway-travel");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Tenants tenants = mock(Tenants.class);
    private WireMockServer openai;
    private OpenAIClient client;
    private TravelRequestExtractor extractor;

    @BeforeEach
    void start() {
        openai = new WireMockServer(wireMockConfig().dynamicPort());
        openai.start();
        client = client(Duration.ofSeconds(20));
        when(tenants.find(TENANT)).thenReturn(Optional.of(tenant("gpt-4.1-mini")));
        extractor = new TravelRequestExtractor(tenants, new OpenAiExtractor(client, Path.of("does-not-exist")),
                meters);
    }

    private OpenAIClient client(Duration timeout) {
        return OpenAIOkHttpClient.builder()
                .apiKey("sk-test")
                .baseUrl(openai.baseUrl() + "/v1")
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        openai.stop();
    }

    private static Tenant tenant(String model) {
        return new Tenant(TENANT, "Sunway Travel", Currency.getInstance("ZAR"), ZoneId.of("Africa/Johannesburg"),
                Locale.ENGLISH, Set.of(), null, null, null, new Tenant.Ai(model), null, null, null, null, null,
                Tenant.Source.FILE);
    }

    private double fallbacks(String reason) {
        var counter = meters.find("zorah.ai.fallbacks").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void usesTheTenantsModel() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiStub.completion(OpenAiStub.zanzibarAnswer()))));

        TravelRequestExtraction x = extractor.extract(TENANT, OpenAiStub.zanzibarEmail());

        assertThat(x.engine()).isEqualTo("openai");
        openai.verify(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/v1/chat/completions"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.model",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("gpt-4.1-mini"))));
    }

    @Test
    void aTimeoutFallsBackToTheRulesAndCounts() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiStub.completion(OpenAiStub.zanzibarAnswer()))
                .withFixedDelay(2_000)));

        TravelRequestExtraction x;
        OpenAIClient impatient = client(Duration.ofMillis(300));
        try {
            x = new TravelRequestExtractor(tenants, new OpenAiExtractor(impatient, Path.of("does-not-exist")), meters)
                    .extract(TENANT, OpenAiStub.zanzibarEmail());
        } finally {
            impatient.close();
        }

        assertThat(x.engine()).isEqualTo("rules");
        assertThat(x.destinations()).extracting(Field::value).containsExactly("Zanzibar");
        assertThat(x.adults().value()).isEqualTo(2);
        assertThat(fallbacks("timeout")).isEqualTo(1);
    }

    @Test
    void serverErrorsRateLimitsAndGarbageFallBack() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));
        assertThat(extractor.extract(TENANT, OpenAiStub.zanzibarEmail()).engine()).isEqualTo("rules");

        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
        assertThat(extractor.extract(TENANT, OpenAiStub.zanzibarEmail()).engine()).isEqualTo("rules");

        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiStub.completion("{\"classification\": 42}"))));
        assertThat(extractor.extract(TENANT, OpenAiStub.zanzibarEmail()).engine()).isEqualTo("rules");

        assertThat(fallbacks("server_error")).isEqualTo(1);
        assertThat(fallbacks("rate_limited")).isEqualTo(1);
        assertThat(fallbacks("invalid_response")).isEqualTo(1);
    }

    @Test
    void withoutAKeyTheRulesAnswer() {
        TravelRequestExtractor rulesOnly = new TravelRequestExtractor(tenants, (OpenAiExtractor) null, meters);

        TravelRequestExtraction x = rulesOnly.extract(TENANT, OpenAiStub.zanzibarEmail());

        assertThat(x.engine()).isEqualTo("rules");
        assertThat(x.model()).isEqualTo("rules");
        assertThat(x.budget().value().currency().getCurrencyCode()).isEqualTo("ZAR");
        assertThat(openai.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUnknownTenantStillGetsAnAnswer() {
        TravelRequestExtractor rulesOnly = new TravelRequestExtractor(tenants, (OpenAiExtractor) null, meters);

        TravelRequestExtraction x = rulesOnly.extract(new TenantId("nobody-here"), OpenAiStub.zanzibarEmail());

        assertThat(x.classification()).isEqualTo(Classification.NEW_TRAVEL_REQUEST);
    }

    @Test
    void theCleanedTextIsWhatSpansPointInto() {
        TravelRequestExtractor rulesOnly = new TravelRequestExtractor(tenants, (OpenAiExtractor) null, meters);
        EmailText email = OpenAiStub.zanzibarEmail();

        String text = rulesOnly.cleanedText(email);
        TravelRequestExtraction x = rulesOnly.extract(TENANT, email);

        assertThat(text.substring(x.checkIn().span().start(), x.checkIn().span().end())).isEqualTo("2-9 April 2027");
        assertThat(text).startsWith("Zanzibar family holiday\n\n");
    }
}
