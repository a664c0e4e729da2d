package com.zorahai.email.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTests {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10));

    @Test
    void growsExponentiallyUpToTheCap() {
        assertThat(backoff.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(4, null)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delayAfter(6, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.delayAfter(5000, null)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void providerDelayWinsButIsCapped() {
        assertThat(backoff.delayAfter(3, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(1, Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.delayAfter(2, Duration.ofSeconds(-1))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void statusParsing() {
        assertThat(EmailStatus.parse(" Dead ")).contains(EmailStatus.DEAD);
        assertThat(EmailStatus.parse("lost")).isEmpty();
        assertThat(EmailStatus.parse(null)).isEmpty();
        assertThat(EmailStatus.allValues()).isEqualTo("queued, sending, held, sent, failed, dead");
    }
}
