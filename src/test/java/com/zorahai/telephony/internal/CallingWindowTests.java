package com.zorahai.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallingWindowTests {

    private static final EnumSet<DayOfWeek> MON_SAT = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);

    private static CallingWindow window(String... zones) {
        return new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), MON_SAT,
                List.of(zones).stream().map(ZoneId::of).toList());
    }

    @Test
    void earlyMorningWaitsForNineLocalTime() {
        CallingWindow johannesburg = window("Africa/Johannesburg");
        Instant wednesday8am = Instant.parse("2026-11-25T06:00:00Z");
        assertThat(johannesburg.isOpen(wednesday8am)).isFalse();
        assertThat(johannesburg.nextOpening(wednesday8am)).hasValue(Instant.parse("2026-11-25T07:00:00Z"));
        assertThat(johannesburg.isOpen(Instant.parse("2026-11-25T07:00:00Z"))).isTrue();
    }

    @Test
    void theEndOfTheWindowIsExcludedAndTheNextDayOpensIt() {
        CallingWindow johannesburg = window("Africa/Johannesburg");
        assertThat(johannesburg.isOpen(Instant.parse("2026-11-25T17:59:59Z"))).isTrue();
        assertThat(johannesburg.isOpen(Instant.parse("2026-11-25T18:00:00Z"))).isFalse();
        assertThat(johannesburg.nextOpening(Instant.parse("2026-11-25T18:30:00Z")))
                .hasValue(Instant.parse("2026-11-26T07:00:00Z"));
    }

    @Test
    void daysWithoutCallsAreSkipped() {
        // Saturday 20:00 in Johannesburg: Sunday is not a calling day, Monday 09:00 is next
        assertThat(window("Africa/Johannesburg").nextOpening(Instant.parse("2026-11-28T18:00:00Z")))
                .hasValue(Instant.parse("2026-11-30T07:00:00Z"));
    }

    @Test
    void aNumberThatMayRingInSeveralZonesIsCalledOnlyWhenItIsADecentHourInAll() {
        CallingWindow us = window("America/New_York", "America/Los_Angeles");
        Instant nineInNewYork = Instant.parse("2026-11-25T14:00:00Z");
        assertThat(us.isOpen(nineInNewYork)).isFalse();
        assertThat(us.nextOpening(nineInNewYork)).hasValue(Instant.parse("2026-11-25T17:00:00Z"));
        assertThat(us.isOpen(Instant.parse("2026-11-26T00:30:00Z"))).isTrue();
        assertThat(us.isOpen(Instant.parse("2026-11-26T01:00:00Z"))).isFalse();
    }

    @Test
    void daylightSavingChangesMoveTheOpeningInUtc() {
        CallingWindow london = new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0),
                EnumSet.allOf(DayOfWeek.class), List.of(ZoneId.of("Europe/London")));
        // clocks go forward on 29 March 2026: 09:00 BST is 08:00 UTC
        assertThat(london.nextOpening(Instant.parse("2026-03-28T20:00:00Z")))
                .hasValue(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(london.nextOpening(Instant.parse("2026-03-27T20:00:00Z")))
                .hasValue(Instant.parse("2026-03-28T09:00:00Z"));
    }

    @Test
    void zonesThatNeverOverlapFallBackToTheFirst() {
        CallingWindow apart = new CallingWindow(LocalTime.of(9, 0), LocalTime.of(10, 0), MON_SAT,
                List.of(ZoneId.of("Pacific/Auckland"), ZoneId.of("Europe/London")));
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(apart.nextOpening(now)).isEmpty();
        Instant fallback = apart.nextOpeningOrFirstZone(now);
        assertThat(fallback.atZone(ZoneId.of("Pacific/Auckland")).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void anEmptyOrInvertedWindowIsRefused() {
        assertThatThrownBy(() -> new CallingWindow(LocalTime.of(20, 0), LocalTime.of(9, 0), MON_SAT,
                List.of(ZoneId.of("UTC")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), MON_SAT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
