package com.zorahai.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PhonesTests {

    @Test
    void numbersBecomeE164() {
        assertThat(Phones.e164("+961 3 123 456", null)).hasValue("+9613123456");
        assertThat(Phones.e164("whatsapp:+9613123456", null)).hasValue("+9613123456");
        assertThat(Phones.e164("tel:00961 71 123 456", null)).hasValue("+96171123456");
        assertThat(Phones.e164("03 123 456", "LB")).hasValue("+9613123456");
    }

    @Test
    void invalidOrAmbiguousNumbersAreRefused() {
        assertThat(Phones.e164("03 123 456", null)).isEmpty();
        assertThat(Phones.e164("+12", null)).isEmpty();
        assertThat(Phones.e164("call me", "LB")).isEmpty();
        assertThat(Phones.e164(" ", null)).isEmpty();
        assertThat(Phones.e164(null, null)).isEmpty();
        assertThat(Phones.e164("+" + "1".repeat(50), null)).isEmpty();
    }

    @Test
    void aFreedTimeAlreadyBegunIsOfferedFromTheNextStep() {
        Instant start = Instant.parse("2026-12-07T08:00:00Z");
        Duration step = Duration.ofMinutes(15);

        assertThat(Waitlist.alignedStart(start, start, start.minusSeconds(60), step)).isEqualTo(start);
        assertThat(Waitlist.alignedStart(start, start, start.plusSeconds(20 * 60), step))
                .isEqualTo(start.plusSeconds(30 * 60));
        assertThat(Waitlist.alignedStart(start, start, start.plusSeconds(30 * 60), step))
                .isEqualTo(start.plusSeconds(30 * 60));
        assertThat(Waitlist.alignedStart(start, start.plusSeconds(45 * 60), start.plusSeconds(20 * 60), step))
                .isEqualTo(start.plusSeconds(45 * 60));
    }
}
