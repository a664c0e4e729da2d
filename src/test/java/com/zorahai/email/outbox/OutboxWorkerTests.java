package com.zorahai.email.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.zorahai.email.EmailTestSupport;
import com.zorahai.email.Emails;
import com.zorahai.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox worker against a WireMock SendGrid: sent, rejected, retried, dead, held, deferred by the breaker, and
 * shared between concurrent workers.
 */
class OutboxWorkerTests extends EmailTestSupport {

    private static final String MAIL_SEND = "/v3/mail/send";

    @Autowired
    Emails emails;

    @Autowired
    OutboxWorker worker;

    @Autowired
    Outbox outbox;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void resetSendGrid() {
        SENDGRID.resetAll();
    }

    @Test
    void acceptedEmailIsSentWithItsMessageIdAndOneAttempt() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "msg-"
                + tenant)));
        double sentBefore = meters.counter("zorah.email.sent", "outcome", "sent").count();
        UUID id = emails.queue(email(tenant, "ann@example.com", null));

        sendUntil(id, "sent");

        OutboxEmail email = outbox.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(email.providerMessageId()).isEqualTo("msg-" + tenant);
        assertThat(email.attempts()).isEqualTo(1);
        assertThat(email.sentAt()).isNotNull();
        assertThat(email.lastError()).isNull();
        assertThat(outbox.attempts(id)).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isEqualTo(202);
            assertThat(a.outcome()).isEqualTo("sent");
        });
        assertThat(meters.counter("zorah.email.sent", "outcome", "sent").count()).isGreaterThan(sentBefore);
        SENDGRID.verify(postRequestedFor(urlEqualTo(MAIL_SEND))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo("ann@example.com")))
                .withRequestBody(matchingJsonPath("$.from.email", equalTo("hello@acme.example")))
                .withRequestBody(matchingJsonPath("$.custom_args.zorah_email_id", equalTo(id.toString()))));
    }

    @Test
    void extraHeadersTravelFromTheQueueToSendGrid() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(202)));
        UUID id = emails.queue(email(tenant, "ann@example.com", null).withHeaders(java.util.Map.of("In-Reply-To",
                "<orig-1@mail.example>", "References", "<orig-1@mail.example>")));

        sendUntil(id, "sent");

        SENDGRID.verify(postRequestedFor(urlEqualTo(MAIL_SEND))
                .withRequestBody(matchingJsonPath("$.custom_args.zorah_email_id", equalTo(id.toString())))
                .withRequestBody(matchingJsonPath("$.headers.In-Reply-To", equalTo("<orig-1@mail.example>")))
                .withRequestBody(matchingJsonPath("$.headers.References", equalTo("<orig-1@mail.example>"))));
    }

    @Test
    void badRequestIsDeadAtOnceWithSendGridsMessage() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(400).withBody("""
                {"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email",
                            "help":"http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html"}]}""")));
        UUID id = emails.queue(email(tenant, "ann@example.com", null));

        sendUntil(id, "dead");

        OutboxEmail email = outbox.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(email.attempts()).isEqualTo(1);
        assertThat(email.lastError()).isEqualTo(
                "SendGrid rejected the email (400): personalizations.0.to.0.email: Does not contain a valid address.");
        SENDGRID.verify(exactly(1), postRequestedFor(urlEqualTo(MAIL_SEND)));
    }

    @Test
    void rejectedKeyIsDeadAndNotShown() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(401).withBody(
                "{\"errors\":[{\"field\":null,\"message\":\"The provided authorization grant is invalid, expired, "
                        + "or revoked\"}]}")));
        UUID id = emails.queue(email(tenant, "ann@example.com", null));

        sendUntil(id, "dead");

        OutboxEmail email = outbox.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(email.lastError()).isEqualTo("SendGrid rejected the API key (401)").doesNotContain(key);
        assertThat(outbox.attempts(id)).singleElement().extracting(OutboxAttempt::statusCode).isEqualTo(401);
    }

    @Test
    void rateLimitedEmailIsRetriedThenSent() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).inScenario(tenant).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}"))
                .willSetStateTo("calm"));
        SENDGRID.stubFor(mailSend(key).inScenario(tenant).whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "after-429")));
        UUID id = emails.queue(email(tenant, "ann@example.com", null));

        worker.sendDue();
        // Retry-After (1 s) is capped by the test's max backoff (20 ms)
        OutboxEmail failed = outbox.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(failed.status()).isEqualTo(EmailStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo("SendGrid rate limit reached (429)");
        sendUntil(id, "sent");

        OutboxEmail sent = outbox.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.providerMessageId()).isEqualTo("after-429");
        assertThat(sent.lastError()).isNull();
        assertThat(outbox.attempts(id)).extracting(OutboxAttempt::outcome).containsExactly("retry", "sent");
        assertThat(outbox.attempts(id)).extracting(OutboxAttempt::statusCode).containsExactly(429, 202);
    }

    @Test
    void serverErrorsAreRetriedUntilDead() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        UUID id = emails.queue(email(tenant, "ann@example.com", null));

        sendUntil(id, "dead");

        OutboxEmail email = outbox.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(email.attempts()).isEqualTo(3);
        assertThat(email.lastError()).isEqualTo("SendGrid answered 502");
        assertThat(outbox.attempts(id)).extracting(OutboxAttempt::outcome).containsExactly("retry", "retry", "dead");
        assertThat(outbox.attempts(id)).extracting(OutboxAttempt::attempt).containsExactly(1, 2, 3);
        SENDGRID.verify(exactly(3), postRequestedFor(urlEqualTo(MAIL_SEND)));
        assertThat(meters.counter("zorah.email.failed", "outcome", "dead").count()).isPositive();
        assertThat(meters.counter("zorah.email.failed", "outcome", "retry").count()).isPositive();
    }

    @Test
    void withoutAKeyTheEmailIsHeldAndVisible() {
        String tenant = newTenantId();
        givenTenant(tenant, null);
        UUID id = emails.queue(email(tenant, "ann@example.com", null));

        sendUntil(id, "held");
        worker.sendDue();

        OutboxEmail email = outbox.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(email.status()).isEqualTo(EmailStatus.HELD);
        assertThat(email.lastError()).isEqualTo("email delivery is not configured");
        assertThat(email.attempts()).isZero();
        assertThat(email.html()).isEqualTo("<p>Hello there</p>");
        assertThat(outbox.attempts(id)).singleElement().extracting(OutboxAttempt::outcome).isEqualTo("held");
        SENDGRID.verify(exactly(0), postRequestedFor(urlEqualTo(MAIL_SEND)));
    }

    @Test
    void openCircuitDefersEmailsWithoutUsingTheirAttempts() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(503)));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(emails.queue(email(tenant, "ann" + i + "@example.com", null)));
        }

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            worker.sendDue();
            return ids.stream().noneMatch(id -> List.of("queued", "failed").contains(status(id))
                    && nextAttemptWithinAMinute(id));
        });

        // four failures open the breaker (window 4); nothing more reaches SendGrid
        SENDGRID.verify(exactly(4), postRequestedFor(urlEqualTo(MAIL_SEND)));
        List<OutboxEmail> emails = ids.stream().map(id -> outbox.find(TenantId.of(tenant), id).orElseThrow())
                .toList();
        assertThat(emails).allSatisfy(e -> assertThat(e.lastError()).isNotNull());
        assertThat(emails).filteredOn(e -> e.lastError().contains("circuit breaker open"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.nextAttemptAt()).isAfter(java.time.Instant.now().plusSeconds(600)));
        assertThat(emails).filteredOn(e -> e.attempts() == 0).hasSize(2);
        assertThat(emails.stream().mapToInt(OutboxEmail::attempts).sum()).isEqualTo(4);
    }

    @Test
    void concurrentWorkersSendEachEmailOnce() throws Exception {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(202).withFixedDelay(20)));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(emails.queue(email(tenant, "ann" + i + "@example.com", null)));
        }

        int workers = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                claimed.add(pool.submit(() -> {
                    start.await();
                    return worker.sendDue();
                }));
            }
            start.countDown();
            for (Future<Integer> f : claimed) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ids.forEach(id -> sendUntil(id, "sent"));

        SENDGRID.verify(exactly(12), postRequestedFor(urlEqualTo(MAIL_SEND)));
        assertThat(ids).allSatisfy(id -> assertThat(outbox.attempts(id)).hasSize(1));
    }

    @Test
    void emailOfAnUnknownTenantIsDead() {
        String tenant = newTenantId();
        UUID id = emails.queue(email(tenant, "ann@example.com", null));

        sendUntil(id, "dead");

        assertThat(outbox.find(TenantId.of(tenant), id).orElseThrow().lastError())
                .isEqualTo("the tenant does not exist");
    }

    @Test
    void emailLeftSendingByADeadWorkerIsTakenOver() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(202)));
        UUID id = emails.queue(email(tenant, "ann@example.com", null));
        jdbc.sql("update outbound_emails set status = 'sending', locked_until = now() - interval '1 minute', "
                + "claim_token = gen_random_uuid() where id = :id").param("id", id).update();

        sendUntil(id, "sent");

        // the lost attempt counts
        assertThat(outbox.find(TenantId.of(tenant), id).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void retryPutsADeadEmailBackWithFreshAttempts() {
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).inScenario(tenant).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(400)).willSetStateTo("fixed"));
        SENDGRID.stubFor(mailSend(key).inScenario(tenant).whenScenarioStateIs("fixed")
                .willReturn(aResponse().withStatus(202)));
        UUID id = emails.queue(email(tenant, "ann@example.com", null));
        sendUntil(id, "dead");

        assertThat(outbox.retry(TenantId.of(tenant), id)).get().extracting(OutboxEmail::status)
                .isEqualTo(EmailStatus.QUEUED);
        sendUntil(id, "sent");

        assertThat(outbox.attempts(id)).extracting(OutboxAttempt::outcome).containsExactly("dead", "sent");
    }

    @Test
    void emailsOutlivingTheLeaseGoBackUnsent() {
        drainEverything();
        String tenant = newTenantId();
        String key = givenTenantWithKey(tenant);
        SENDGRID.stubFor(mailSend(key).willReturn(aResponse().withStatus(202).withFixedDelay(50)));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(emails.queue(email(tenant, "ann" + i + "@example.com", null)));
        }

        assertThat(worker.sendBatch(10, Duration.ofMillis(20))).isEqualTo(3);

        SENDGRID.verify(exactly(1), postRequestedFor(urlEqualTo(MAIL_SEND)));
        assertThat(ids).extracting(this::status).containsExactlyInAnyOrder("sent", "queued", "queued");
        worker.drain();
        assertThat(ids).extracting(this::status).containsOnly("sent");
    }

    @Test
    void unexpectedFailureKeepsTheEmailForLater() {
        String tenant = newTenantId();
        UUID id = emails.queue(email(tenant, "ann@example.com", null));
        when(tenants.find(TenantId.of(tenant))).thenThrow(new IllegalStateException("registry down"));

        sendUntil(id, "failed");

        OutboxEmail email = outbox.find(TenantId.of(tenant), id).orElseThrow();
        assertThat(email.lastError()).isEqualTo("unexpected error (IllegalStateException)");
        assertThat(email.attempts()).isEqualTo(1);
    }

    private void drainEverything() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> worker.sendDue() == 0);
    }

    private boolean nextAttemptWithinAMinute(UUID id) {
        return jdbc.sql("select next_attempt_at < now() + interval '1 minute' from outbound_emails where id = :id")
                .param("id", id).query(Boolean.class).single();
    }

    private void sendUntil(UUID id, String status) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!status.equals(status(id))) {
                worker.sendDue();
            }
            return status(id);
        }, status::equals);
    }

    private static MappingBuilder mailSend(String key) {
        return post(urlEqualTo(MAIL_SEND)).withHeader("Authorization", equalTo("Bearer " + key));
    }

}
