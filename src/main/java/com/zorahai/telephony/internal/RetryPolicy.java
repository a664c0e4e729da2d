package com.zorahai.telephony.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How long a queued call waits before its next attempt: the tenant's backoff after the first attempt, multiplied
 * by its multiplier after each further one, never more than {@code max}.
 */
public record RetryPolicy(Duration initial, BigDecimal multiplier, Duration max) {

    /** The wait after {@code attempts} attempts (1 or more). */
    public Duration delayAfter(int attempts) {
        BigDecimal seconds = BigDecimal.valueOf(initial.toSeconds());
        for (int i = 1; i < attempts; i++) {
            seconds = seconds.multiply(multiplier);
            if (seconds.compareTo(BigDecimal.valueOf(max.toSeconds())) >= 0) {
                return max;
            }
        }
        Duration delay = Duration.ofSeconds(seconds.setScale(0, RoundingMode.HALF_UP).longValueExact());
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
