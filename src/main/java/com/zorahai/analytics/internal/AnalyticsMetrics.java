package com.zorahai.analytics.internal;

import com.zorahai.tenancy.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Business metrics, exposed on Prometheus. Tags are the tenant and values from small fixed sets (event type,
 * currency, channel, status): never ids, numbers or free text, so the series stay few.
 */
@Component
public class AnalyticsMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> exportLagSeconds = new ConcurrentHashMap<>();

    AnalyticsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A new analytics event: counted by type, and its durations, tokens and money added up. */
    void recorded(TenantId tenant, String type, Map<String, Object> properties) {
        String t = tenant.value();
        Counter.builder("zorah.analytics.events").description("Analytics events recorded, by type")
                .tag("tenant", t).tag("type", type).register(registry).increment();
        switch (type) {
            case EventTypes.WHATSAPP_MESSAGE_ANSWERED -> number(properties, "first_response_ms")
                    .ifPresent(ms -> Timer.builder("zorah.analytics.whatsapp.first.response")
                            .description("Time from a customer's message to the bot's first answer")
                            .tag("tenant", t).register(registry).record(Duration.ofMillis(ms.longValue())));
            case EventTypes.HELPDESK_ANSWERED -> {
                String grounded = String.valueOf(Boolean.TRUE.equals(properties.get("grounded")));
                number(properties, "latency_ms").ifPresent(ms -> Timer.builder("zorah.analytics.helpdesk.latency")
                        .description("Time the helpdesk took to answer").tag("tenant", t).tag("grounded", grounded)
                        .register(registry).record(Duration.ofMillis(ms.longValue())));
                number(properties, "tokens").ifPresent(tokens -> DistributionSummary
                        .builder("zorah.analytics.helpdesk.tokens").description("LLM tokens per helpdesk answer")
                        .tag("tenant", t).register(registry).record(tokens.doubleValue()));
            }
            case EventTypes.CALL_ENDED -> {
                number(properties, "duration_seconds").ifPresent(seconds -> Timer
                        .builder("zorah.analytics.call.duration").description("Duration of ended calls")
                        .tag("tenant", t).register(registry)
                        .record(Duration.ofMillis(Math.round(seconds.doubleValue() * 1000))));
                money(properties, "cost_amount", "cost_currency", "zorah.analytics.call.cost",
                        "Cost of ended calls", t);
            }
            case EventTypes.INVOICE_PAID -> money(properties, "total_amount", "total_currency",
                    "zorah.analytics.revenue", "Totals of paid invoices", t);
            default -> {
            }
        }
    }

    private void money(Map<String, Object> properties, String amountKey, String currencyKey, String name,
            String description, String tenant) {
        Object currency = properties.get(currencyKey);
        number(properties, amountKey).ifPresent(amount -> {
            if (currency instanceof String code && code.matches("[A-Z]{3}")) {
                Counter.builder(name).description(description).tag("tenant", tenant).tag("currency", code)
                        .register(registry).increment(amount.doubleValue());
            }
        });
    }

    private static java.util.Optional<BigDecimal> number(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        if (value instanceof Number number) {
            return java.util.Optional.of(new BigDecimal(number.toString()));
        }
        return java.util.Optional.empty();
    }

    /** Seconds between now and the oldest event of the tenant still waiting for BigQuery; 0 when none waits. */
    public void exportLag(TenantId tenant, long seconds) {
        exportLagSeconds.computeIfAbsent(tenant.value(), t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("zorah.analytics.export.lag", value, AtomicLong::get).baseUnit("seconds")
                    .description("Age of the oldest analytics event not yet in BigQuery").tag("tenant", t)
                    .register(registry);
            return value;
        }).set(Math.max(0, seconds));
    }

    /** Events written to BigQuery. */
    public void exported(TenantId tenant, int events) {
        Counter.builder("zorah.analytics.export.events").description("Analytics events written to BigQuery")
                .tag("tenant", tenant.value()).register(registry).increment(events);
    }

    /** A failed export batch (the whole call, or rows BigQuery refused). */
    public void exportFailed(TenantId tenant, String reason) {
        Counter.builder("zorah.analytics.export.failures").description("Failed BigQuery export attempts")
                .tag("tenant", tenant.value()).tag("reason", reason).register(registry).increment();
    }

    /** A daily report handed over for delivery. */
    void report(TenantId tenant, String channel) {
        Counter.builder("zorah.analytics.reports").description("Daily reports queued, by channel")
                .tag("tenant", tenant.value()).tag("channel", channel).register(registry).increment();
    }
}
