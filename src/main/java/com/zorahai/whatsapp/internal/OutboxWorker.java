package com.zorahai.whatsapp.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.DeliveryStatus;
import com.zorahai.whatsapp.WhatsAppMessageSent;
import com.zorahai.whatsapp.WhatsAppMessageStatusChanged;
import com.zorahai.whatsapp.provider.OutboundRequest;
import com.zorahai.whatsapp.provider.SendResult;
import com.zorahai.whatsapp.provider.WhatsAppProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows. The claim commits before the provider is called, so no row lock or connection is held
 * during the HTTP call; the lease keeps other workers away. Before calling, a free-form message is checked against
 * the customer-service window (refused without calling the provider when it closed) and the provider's circuit
 * breaker ({@code whatsapp-<provider>}) is asked for permission (an open circuit defers the row without using an
 * attempt). Throughput errors back off from {@code zorah.whatsapp.throttle-backoff}; 131047 and other refusals are
 * not retried.
 */
@Component("whatsappOutboxWorker")
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    static final String BREAKER_CONFIG = "whatsapp";
    static final CircuitBreakerConfig DEFAULT_BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(2)
            .build();
    static final String WINDOW_CLOSED = "Customer-service window closed: only a template can reach the customer";

    private final Outbox outbox;
    private final Conversations conversations;
    private final WebhookInbox inbox;
    private final Providers providers;
    private final Tenants tenants;
    private final WhatsAppProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreakerConfig breakerConfig;
    private final MeterRegistry meters;

    OutboxWorker(Outbox outbox, Conversations conversations, WebhookInbox inbox, Providers providers,
            Tenants tenants, WhatsAppProperties properties, TransactionTemplate transactions,
            ApplicationEventPublisher events, ObjectProvider<CircuitBreakerRegistry> breakers,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.conversations = conversations;
        this.inbox = inbox;
        this.providers = providers;
        this.tenants = tenants;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.breakers = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        this.breakerConfig = this.breakers.getConfiguration(BREAKER_CONFIG).orElse(DEFAULT_BREAKER);
        this.meters = meters;
    }

    /** Claims one batch and tries each row once; how many were claimed. */
    public int sendDue() {
        Duration lease = properties.worker().lease();
        long claimedAt = System.nanoTime();
        long budget = lease.toNanos() / 4 * 3;
        List<Outbox.Claimed> batch = outbox.claim(properties.worker().batchSize(), lease);
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0 && System.nanoTime() - claimedAt > budget) {
                outbox.release(batch.get(i));
            } else {
                process(batch.get(i));
            }
        }
        return batch.size();
    }

    /** Works through due rows until a batch comes back short, at most {@code maxBatchesPerPoll} batches. */
    public void drain() {
        for (int i = 0; i < properties.worker().maxBatchesPerPoll(); i++) {
            if (sendDue() < properties.worker().batchSize()) {
                return;
            }
        }
    }

    /** The breaker of a provider. */
    public CircuitBreaker breaker(String provider) {
        return breakers.circuitBreaker("whatsapp-" + provider, breakerConfig);
    }

    private void process(Outbox.Claimed row) {
        MDC.put("tenantId", row.tenantId().value());
        long start = System.nanoTime();
        String providerName = null;
        try {
            Optional<Tenant> tenant = tenants.find(row.tenantId());
            Optional<Conversations.Address> address = conversations.address(row.conversationId());
            if (tenant.isEmpty() || address.isEmpty()) {
                dead(row, null, new SendResult.Rejected(null, null, "the tenant or conversation is gone", false),
                        null, false);
                return;
            }
            WhatsAppProvider provider = providers.effective(tenant.get());
            providerName = provider.name();
            if (Outbox.MESSAGE.equals(row.kind()) && row.needsWindow()
                    && !conversations.windowOpen(address.get().lastInboundAt())) {
                dead(row, providerName, new SendResult.Rejected(null, null, WINDOW_CLOSED, true), null, false);
                return;
            }
            CircuitBreaker breaker = breaker(providerName);
            if (!breaker.tryAcquirePermission()) {
                outbox.reschedule(row, providerName + " is failing; sending paused (circuit breaker open)",
                        openWait(breaker));
                count("deferred");
                return;
            }
            SendResult result;
            try {
                result = call(provider, tenant.get(), address.get(), row);
            } catch (RuntimeException ex) {
                log.error("WhatsApp send {} failed unexpectedly", row.id(), ex);
                result = new SendResult.Retryable(null, null, "unexpected error (" + ex.getClass().getSimpleName()
                        + ")", null, false);
            }
            long nanos = System.nanoTime() - start;
            record(breaker, result, nanos);
            apply(row, provider, tenant.get(), result, TimeUnit.NANOSECONDS.toMillis(nanos));
        } finally {
            MDC.remove("tenantId");
        }
    }

    private SendResult call(WhatsAppProvider provider, Tenant tenant, Conversations.Address address,
            Outbox.Claimed row) {
        if (Outbox.READ.equals(row.kind())) {
            return provider.markRead(tenant, row.payload().readMessageId());
        }
        boolean byUserId = address.waId() == null && address.userId() != null;
        String to = byUserId ? address.userId() : address.waId();
        return provider.send(tenant, new OutboundRequest(to, byUserId, address.providerRef(),
                row.payload().content(), row.payload().contextMessageId(), row.id().toString()));
    }

    private static void record(CircuitBreaker breaker, SendResult result, long nanos) {
        switch (result) {
            case SendResult.Retryable r when !r.throttled() -> breaker.onError(nanos, TimeUnit.NANOSECONDS,
                    new ProviderFailure(r.error()));
            case SendResult.Retryable r -> breaker.releasePermission();
            case SendResult.NotConfigured n -> breaker.releasePermission();
            case SendResult.Deferred d -> breaker.releasePermission();
            default -> breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void apply(Outbox.Claimed row, WhatsAppProvider provider, Tenant tenant, SendResult result,
            long durationMs) {
        String name = provider.name();
        switch (result) {
            case SendResult.Sent sent -> transactions.executeWithoutResult(tx -> {
                outbox.markSent(row, name);
                outbox.recordAttempt(row, name, sent.httpStatus(), null, "sent", null, durationMs);
                if (Outbox.MESSAGE.equals(row.kind()) && row.messageId() != null) {
                    conversations.markSent(row.messageId(), name, sent.providerMessageId());
                    String sentBy = conversations.message(row.tenantId(), row.messageId())
                            .map(m -> m.sentBy())
                            .orElse(null);
                    events.publishEvent(new WhatsAppMessageSent(row.tenantId(), row.conversationId(),
                            row.messageId(), sent.providerMessageId(), row.payload().content().type(), sentBy));
                    if (sent.providerMessageId() != null) {
                        inbox.replayStatuses(row.tenantId(), sent.providerMessageId());
                    }
                }
                count("sent");
                log.info("WhatsApp {} {} sent through {} (attempt {})", row.kind(), row.id(), name, row.attempt());
            });
            case SendResult.Retryable r when row.attempt() >= row.maxAttempts() -> dead(row, name,
                    new SendResult.Rejected(r.httpStatus(), r.errorCode(), r.error(), false), durationMs, true);
            case SendResult.Retryable r -> {
                Duration delay = delay(row.attempt(), r);
                transactions.executeWithoutResult(tx -> {
                    outbox.markRetry(row, name, r.error(), delay);
                    outbox.recordAttempt(row, name, r.httpStatus(), r.errorCode(), r.throttled()
                            ? "throttled"
                            : "retry", r.error(), durationMs);
                });
                count(r.throttled() ? "throttled" : "retry");
                log.info("WhatsApp {} {} attempt {} failed, next in {}: {}", row.kind(), row.id(), row.attempt(),
                        delay, r.error());
            }
            case SendResult.Rejected r -> dead(row, name, r, durationMs, true);
            case SendResult.NotConfigured n -> dead(row, name, new SendResult.Rejected(null, null, n.reason(),
                    false), null, false);
            case SendResult.Deferred d -> {
                outbox.reschedule(row, d.reason(), d.delay());
                count("deferred");
            }
        }
    }

    private void dead(Outbox.Claimed row, String provider, SendResult.Rejected rejected, Long durationMs,
            boolean attempted) {
        String title = rejected.windowClosed() && rejected.errorCode() == null ? WINDOW_CLOSED : rejected.error();
        transactions.executeWithoutResult(tx -> {
            outbox.markDead(row, provider, rejected.error(), attempted);
            outbox.recordAttempt(row, provider, rejected.httpStatus(), rejected.errorCode(),
                    rejected.windowClosed() ? "window" : "dead", rejected.error(), durationMs);
            if (Outbox.MESSAGE.equals(row.kind()) && row.messageId() != null) {
                conversations.markFailed(row.messageId(), rejected.errorCode(), title);
                events.publishEvent(new WhatsAppMessageStatusChanged(row.tenantId(), row.conversationId(),
                        row.messageId(), null, DeliveryStatus.FAILED, rejected.errorCode(), title));
            }
        });
        count(rejected.windowClosed() ? "window_closed" : "dead");
        log.warn("WhatsApp {} {} not sent{}: {}", row.kind(), row.id(),
                rejected.windowClosed() ? " (window closed)" : "", rejected.error());
    }

    /** Exponential backoff; throughput errors start higher, and a delay the provider named wins when longer. */
    Duration delay(int attempt, SendResult.Retryable result) {
        WhatsAppProperties.Retry retry = properties.retry();
        Duration initial = result.throttled() ? properties.throttleBackoff() : retry.initialBackoff();
        double millis = initial.toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempt - 1));
        Duration computed = Double.isInfinite(millis) || millis >= retry.maxBackoff().toMillis()
                ? retry.maxBackoff()
                : Duration.ofMillis((long) millis);
        if (result.retryAfter() != null && result.retryAfter().compareTo(computed) > 0) {
            return result.retryAfter().compareTo(retry.maxBackoff()) > 0
                    ? retry.maxBackoff()
                    : result.retryAfter();
        }
        return computed;
    }

    private static Duration openWait(CircuitBreaker breaker) {
        return Duration.ofSeconds(5);
    }

    private void count(String outcome) {
        Counter.builder("zorah.whatsapp.outbox")
                .description("WhatsApp outbox attempts, by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /** A provider failure as the circuit breaker records it. */
    static final class ProviderFailure extends RuntimeException {

        ProviderFailure(String message) {
            super(message, null, false, false);
        }
    }
}
