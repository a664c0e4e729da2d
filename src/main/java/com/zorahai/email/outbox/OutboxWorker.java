package com.zorahai.email.outbox;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends due outbox rows. A claim is one short statement ({@code FOR UPDATE SKIP LOCKED}) that marks the rows
 * {@code sending} with a lease; the provider is called after that statement committed, so no row lock and no database
 * connection is held during a slow HTTP call, and the lease (not the lock) keeps other workers away. The outcome of
 * each attempt is written back in its own transaction.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    static final String NOT_CONFIGURED = "email delivery is not configured";

    private final Outbox outbox;
    private final EmailSender sender;
    private final Tenants tenants;
    private final OutboxProperties properties;
    private final RetryBackoff backoff;
    private final Counter sent;
    private final MeterRegistry meters;

    OutboxWorker(Outbox outbox, EmailSender sender, Tenants tenants, OutboxProperties properties,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.sender = sender;
        this.tenants = tenants;
        this.properties = properties;
        this.backoff = RetryBackoff.of(properties.retry());
        this.meters = meters;
        this.sent = Counter.builder("zorah.email.sent")
                .description("Outbound emails the provider accepted")
                .tag("outcome", "sent")
                .register(meters);
    }

    /** Claims one batch of due emails and tries each once; returns how many were claimed. */
    int sendDue() {
        return sendBatch(properties.worker().batchSize(), properties.worker().lease());
    }

    /**
     * Claims up to {@code size} due emails for {@code lease} and tries each once. Emails still waiting when three
     * quarters of the lease are gone (a slow provider) go back to the queue unsent: once the lease runs out another
     * worker may take them, and sending them here too would send them twice.
     */
    int sendBatch(int size, Duration lease) {
        long claimedAt = System.nanoTime();
        long budget = lease.toNanos() / 4 * 3;
        List<ClaimedEmail> batch = outbox.claim(size, lease);
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0 && System.nanoTime() - claimedAt > budget) {
                outbox.release(batch.get(i));
            } else {
                process(batch.get(i));
            }
        }
        return batch.size();
    }

    /** Works through due emails until a batch comes back short, at most {@code maxBatchesPerPoll} batches. */
    void drain() {
        for (int i = 0; i < properties.worker().maxBatchesPerPoll(); i++) {
            if (sendDue() < properties.worker().batchSize()) {
                return;
            }
        }
    }

    private void process(ClaimedEmail email) {
        MDC.put("tenantId", email.tenantId().value());
        MDC.put("emailId", email.id().toString());
        long start = System.nanoTime();
        try {
            Optional<Tenant> tenant = tenants.find(email.tenantId());
            if (tenant.isEmpty()) {
                outbox.markDead(email, null, "the tenant does not exist", null, false);
                failed("dead");
                log.warn("Email {} is dead: tenant {} does not exist", email.id(), email.tenantId());
                return;
            }
            SendOutcome outcome = sender.send(delivery(email, tenant.get()));
            apply(email, outcome, elapsedMillis(start));
        } catch (RuntimeException e) {
            // a bug or an outage of our own (database, tenant registry): keep the email and try again later
            log.error("Sending email {} failed unexpectedly", email.id(), e);
            apply(email, new SendOutcome.Retryable(null, "unexpected error (" + e.getClass().getSimpleName() + ")",
                    null), elapsedMillis(start));
        } finally {
            MDC.remove("tenantId");
            MDC.remove("emailId");
        }
    }

    private Delivery delivery(ClaimedEmail email, Tenant tenant) {
        Tenant.Email settings = tenant.email();
        String fromAddress = settings != null && StringUtils.hasText(settings.fromAddress())
                ? settings.fromAddress()
                : properties.defaultFromAddress();
        String fromName = settings != null && StringUtils.hasText(settings.fromName())
                ? settings.fromName()
                : StringUtils.hasText(tenant.name()) ? tenant.name() : properties.defaultFromName();
        String replyTo = settings != null && StringUtils.hasText(settings.replyTo()) ? settings.replyTo() : null;
        String key = settings != null && StringUtils.hasText(settings.sendgridApiKey())
                ? settings.sendgridApiKey()
                : null;
        return new Delivery(email.id(), email.tenantId(), key, fromAddress, fromName, replyTo, email.to(),
                email.cc(), email.subject(), email.html(), email.text(), outbox.attachments(email.id(), true),
                email.headers());
    }

    private void apply(ClaimedEmail email, SendOutcome outcome, long durationMs) {
        switch (outcome) {
            case SendOutcome.Sent s -> {
                outbox.markSent(email, s.statusCode(), s.messageId(), durationMs);
                sent.increment();
                log.info("Email {} sent (attempt {})", email.id(), email.attempt());
            }
            case SendOutcome.Retryable r when email.attempt() >= email.maxAttempts() -> {
                outbox.markDead(email, r.statusCode(), r.error(), durationMs, true);
                failed("dead");
                log.warn("Email {} is dead after {} attempts: {}", email.id(), email.attempt(), r.error());
            }
            case SendOutcome.Retryable r -> {
                Duration delay = backoff.delayAfter(email.attempt(), r.retryAfter());
                outbox.markFailed(email, r.statusCode(), r.error(), delay, durationMs);
                failed("retry");
                log.info("Email {} attempt {} failed, next in {}: {}", email.id(), email.attempt(), delay,
                        r.error());
            }
            case SendOutcome.Rejected r -> {
                outbox.markDead(email, r.statusCode(), r.error(), durationMs, true);
                failed("dead");
                log.warn("Email {} is dead, rejected by the provider: {}", email.id(), r.error());
            }
            case SendOutcome.NotConfigured n -> {
                outbox.markHeld(email, n.reason());
                failed("held");
                log.info("Email {} held: {}", email.id(), n.reason());
            }
            case SendOutcome.Deferred d -> {
                outbox.reschedule(email, d.reason(), d.delay());
                failed("deferred");
                log.debug("Email {} deferred by {}: {}", email.id(), d.delay(), d.reason());
            }
        }
    }

    private void failed(String outcome) {
        Counter.builder("zorah.email.failed")
                .description("Outbound email attempts that did not deliver, by what happens next")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
