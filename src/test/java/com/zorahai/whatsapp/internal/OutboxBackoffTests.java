package com.zorahai.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.whatsapp.provider.SendResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxBackoffTests {

    static final WhatsAppProperties PROPERTIES = TestingModeTests.testingMode();

    @Test
    void backoffGrowsThrottlingStartsHigherAndTheProviderDelayWinsUpToTheCap() {
        OutboxWorker worker = new OutboxWorker(null, null, null, null, null, PROPERTIES, null, null,
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(
                        io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.class),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        SendResult.Retryable passing = new SendResult.Retryable(503, null, "x", null, false);
        SendResult.Retryable throttled = new SendResult.Retryable(400, 130429, "x", null, true);

        assertThat(worker.delay(1, passing)).isEqualTo(Duration.ofSeconds(10));
        assertThat(worker.delay(3, passing)).isEqualTo(Duration.ofSeconds(40));
        assertThat(worker.delay(30, passing)).isEqualTo(Duration.ofMinutes(15));
        assertThat(worker.delay(1, throttled)).isEqualTo(Duration.ofSeconds(30));
        assertThat(worker.delay(1, new SendResult.Retryable(400, 131056, "x", Duration.ofMinutes(2), true)))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(worker.delay(1, new SendResult.Retryable(429, null, "x", Duration.ofDays(1), true)))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void signaturesAreCheckedOverTheExactBytes() {
        WebhookSecurity security = new WebhookSecurity(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        byte[] body = "{\"a\":\"caf\\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSecurity.sign(body, "secret");
        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(security.validSignature(body, signature, "secret")).isTrue();
        assertThat(security.validSignature(body, signature.toUpperCase().replace("SHA256", "sha256"), "secret"))
                .isTrue();
        assertThat(security.validSignature(body, signature, "other")).isFalse();
        assertThat(security.validSignature(body, "sha256=zz", "secret")).isFalse();
        assertThat(security.validSignature(body, null, "secret")).isFalse();
        assertThat(security.validSignature(body, signature, "")).isFalse();
        assertThat(WebhookSecurity.sameSecret("a", "a")).isTrue();
        assertThat(WebhookSecurity.sameSecret("a", "ab")).isFalse();
        assertThat(WebhookSecurity.sameSecret(null, "a")).isFalse();
        assertThat(WebhookSecurity.sameSecret("", "")).isFalse();
        assertThat(WebhookInbox.extension("audio/ogg; codecs=opus")).isEqualTo(".ogg");
        assertThat(WebhookInbox.extension("application/x-unknown")).isEmpty();
    }
}
