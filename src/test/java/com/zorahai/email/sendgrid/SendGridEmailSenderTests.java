package com.zorahai.email.sendgrid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.zorahai.email.outbox.Delivery;
import com.zorahai.email.outbox.OutboxAttachment;
import com.zorahai.email.outbox.SendOutcome;
import com.zorahai.tenancy.TenantId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SendGrid sender against a WireMock SendGrid, answering as the v3 Mail Send documentation shows.
 */
class SendGridEmailSenderTests {

    private static final String MASTER_KEY = "SG.master-key-aaaa.bbbbbbbbbbbb";
    private static final String TENANT_KEY = "SG.tenant-key-cccc.dddddddddddd";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static WireMockServer sendgrid = new WireMockServer(options().dynamicPort());

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Map.of(SendGridEmailSender.BREAKER,
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(4)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMinutes(5))
                    .build()));
    private SendGridEmailSender sender;

    @BeforeAll
    static void start() {
        sendgrid.start();
    }

    @AfterAll
    static void stop() {
        sendgrid.stop();
    }

    @BeforeEach
    void setUp() {
        sendgrid.resetAll();
        sender = sender(MASTER_KEY, Duration.ofSeconds(2));
    }

    @AfterEach
    void tearDown() throws Exception {
        sender.close();
    }

    private SendGridEmailSender sender(String masterKey, Duration readTimeout) {
        return new SendGridEmailSender(new SendGridProperties(masterKey, "http://localhost:" + sendgrid.port(),
                Duration.ofSeconds(1), readTimeout), breakers, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void acceptedMailIsSentWithTheMessageIdAndTheDocumentedBody() {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)
                .withHeader("X-Message-Id", "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0")));
        UUID id = UUID.randomUUID();

        SendOutcome outcome = sender.send(delivery(id, TENANT_KEY));

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(202, "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0"));
        sendgrid.verify(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_KEY))
                .withRequestBody(equalToJson("""
                        {
                          "from": {"email": "hello@acme.example", "name": "Acme Travel"},
                          "subject": "Your quote",
                          "personalizations": [{"to": [{"email": "ann@example.com"}],
                                                "cc": [{"email": "bob@example.com"}]}],
                          "content": [{"type": "text/plain", "value": "Hello"},
                                      {"type": "text/html", "value": "<p>Hello</p>"}],
                          "attachments": [{"content": "JVBERi0=", "type": "application/pdf",
                                           "filename": "quote.pdf", "disposition": "attachment"}],
                          "reply_to": {"email": "support@acme.example"},
                          "headers": {"In-Reply-To": "<m-1@mail.example>",
                                      "References": "<m-0@mail.example> <m-1@mail.example>"},
                          "custom_args": {"zorah_email_id": "%s"}
                        }""".formatted(id))));
    }

    @Test
    void masterKeyIsUsedWhenTheTenantHasNone() {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));

        assertThat(sender.send(delivery(UUID.randomUUID(), null))).isInstanceOf(SendOutcome.Sent.class);

        sendgrid.verify(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer " + MASTER_KEY)));
    }

    @Test
    void withoutAnyKeyTheEmailIsHeldAndSendGridIsNotCalled() throws Exception {
        try (SendGridEmailSender local = sender("", Duration.ofSeconds(1))) {
            assertThat(local.send(delivery(UUID.randomUUID(), null)))
                    .isEqualTo(new SendOutcome.NotConfigured("email delivery is not configured"));
        }
        sendgrid.verify(exactly(0), postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    @Test
    void badRequestIsRejectedWithSendGridsMessages() {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"errors":[{"message":"The from address does not match a verified Sender Identity.",
                                    "field":"from","help":null},
                                   {"message":"Invalid type. Expected: string","field":null}]}""")));

        SendOutcome outcome = sender.send(delivery(UUID.randomUUID(), TENANT_KEY));

        assertThat(outcome).isEqualTo(new SendOutcome.Rejected(400, "SendGrid rejected the email (400): from: "
                + "The from address does not match a verified Sender Identity.; Invalid type. Expected: string"));
    }

    @Test
    void unauthorizedIsARejectedKeyAndNeverEchoesIt() {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":[{\"field\":null,\"message\":\"bad key " + TENANT_KEY + "\"}]}")));

        SendOutcome outcome = sender.send(delivery(UUID.randomUUID(), TENANT_KEY));

        assertThat(outcome).isEqualTo(new SendOutcome.Rejected(401, "SendGrid rejected the API key (401)"));
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheDelaySendGridAsks() {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Limit", "600")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", String.valueOf(NOW.plusSeconds(42).getEpochSecond()))
                .withBody("{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}")));

        assertThat(sender.send(delivery(UUID.randomUUID(), TENANT_KEY)))
                .isEqualTo(new SendOutcome.Retryable(429, "SendGrid rate limit reached (429)",
                        Duration.ofSeconds(42)));

        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(429).withHeader("Retry-After",
                "7")));
        assertThat(sender.send(delivery(UUID.randomUUID(), TENANT_KEY)))
                .extracting(o -> ((SendOutcome.Retryable) o).retryAfter())
                .isEqualTo(Duration.ofSeconds(7));

        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(429).withHeader("Retry-After",
                "Mon, 23 Nov 2026 10:01:00 GMT")));
        assertThat(sender.send(delivery(UUID.randomUUID(), TENANT_KEY)))
                .extracting(o -> ((SendOutcome.Retryable) o).retryAfter())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void serverErrorsAndNetworkFailuresAreRetryable() {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(503).withBody("unavailable")));
        assertThat(sender.send(delivery(UUID.randomUUID(), TENANT_KEY)))
                .isEqualTo(new SendOutcome.Retryable(503, "SendGrid answered 503", null));

        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(sender.send(delivery(UUID.randomUUID(), TENANT_KEY)))
                .isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> {
                    assertThat(r.statusCode()).isNull();
                    assertThat(r.error()).startsWith("SendGrid not reachable: ");
                });
    }

    @Test
    void slowAnswerTimesOut() throws Exception {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withFixedDelay(1500)));
        try (SendGridEmailSender impatient = sender(MASTER_KEY, Duration.ofMillis(200))) {
            assertThat(impatient.send(delivery(UUID.randomUUID(), TENANT_KEY)))
                    .isEqualTo(new SendOutcome.Retryable(null, "SendGrid not reachable: SocketTimeoutException",
                            null));
        }
    }

    @Test
    void circuitOpensOnRepeatedFailuresAndDefersWithoutCallingSendGrid() {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(500)));

        for (int i = 0; i < 4; i++) {
            assertThat(sender.send(delivery(UUID.randomUUID(), null))).isInstanceOf(SendOutcome.Retryable.class);
        }
        SendOutcome deferred = sender.send(delivery(UUID.randomUUID(), null));

        assertThat(deferred).isInstanceOfSatisfying(SendOutcome.Deferred.class,
                d -> assertThat(d.delay()).isEqualTo(Duration.ofMinutes(5)));
        assertThat(breakers.circuitBreaker(SendGridEmailSender.BREAKER).getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        sendgrid.verify(exactly(4), postRequestedFor(urlEqualTo("/v3/mail/send")));
        // a tenant with its own key has its own breaker
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));
        assertThat(sender.send(delivery(UUID.randomUUID(), TENANT_KEY))).isInstanceOf(SendOutcome.Sent.class);
    }

    @Test
    void rateLimitsDoNotOpenTheCircuit() {
        sendgrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(429)));

        for (int i = 0; i < 6; i++) {
            assertThat(sender.send(delivery(UUID.randomUUID(), null))).isInstanceOf(SendOutcome.Retryable.class);
        }

        assertThat(breakers.circuitBreaker(SendGridEmailSender.BREAKER).getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void sanitizeRemovesKeysAndLineBreaksAndShortens() {
        assertThat(SendGridEmailSender.sanitize("key SG.abc-1.def_2 and mine\r\nnext", "mine"))
                .isEqualTo("key [key] and [key] next");
        assertThat(SendGridEmailSender.sanitize("x".repeat(600), null)).hasSize(481);
    }

    @Test
    void startupLineSaysWhichModeRuns() {
        assertThat(SendGridConfiguration.modeLine(new SendGridProperties("", "api.sendgrid.com",
                Duration.ofSeconds(1), Duration.ofSeconds(1))))
                .startsWith("Email: local (no SENDGRID_MASTER_API_KEY) — outbound mail is held in the outbox");
        SendGridProperties live = new SendGridProperties(MASTER_KEY, "https://api.sendgrid.com/",
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(SendGridConfiguration.modeLine(live)).isEqualTo("Email: SendGrid (api.sendgrid.com)");
        assertThat(live.toString()).doesNotContain(MASTER_KEY).contains("(set)");
    }

    private static Delivery delivery(UUID id, String tenantKey) {
        return new Delivery(id, TenantId.of("acme-travel"), tenantKey, "hello@acme.example", "Acme Travel",
                "support@acme.example", List.of("ann@example.com"), List.of("bob@example.com"), "Your quote",
                "<p>Hello</p>", "Hello",
                List.of(new OutboxAttachment(0, "quote.pdf", "application/pdf", 5,
                        "%PDF-".getBytes(StandardCharsets.US_ASCII))),
                Map.of("In-Reply-To", "<m-1@mail.example>", "References", "<m-0@mail.example> <m-1@mail.example>"));
    }
}
