package com.zorahai.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTests {

    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    /** Monday to Friday, 09:00 to 17:00, Johannesburg (no daylight saving). */
    private final BusinessHours office = new BusinessHours(JOBURG, WEEKDAYS, 9 * 60, 17 * 60);

    @Test
    void timeWithinOneWorkingDayIsPlainTime() {
        assertThat(office.plus(local("2026-11-23T10:00", JOBURG), Duration.ofHours(2)))
                .isEqualTo(local("2026-11-23T12:00", JOBURG));
        assertThat(office.plus(local("2026-11-23T10:15", JOBURG), Duration.ofMinutes(30)))
                .isEqualTo(local("2026-11-23T10:45", JOBURG));
    }

    @Test
    void nightsAreSkipped() {
        assertThat(office.plus(local("2026-11-23T16:00", JOBURG), Duration.ofHours(2)))
                .isEqualTo(local("2026-11-24T10:00", JOBURG));
        // a response due at closing time is due that day, not the next morning
        assertThat(office.plus(local("2026-11-23T16:00", JOBURG), Duration.ofHours(1)))
                .isEqualTo(local("2026-11-23T17:00", JOBURG));
        // three full working days
        assertThat(office.plus(local("2026-11-23T09:00", JOBURG), Duration.ofHours(24)))
                .isEqualTo(local("2026-11-25T17:00", JOBURG));
    }

    @Test
    void weekendsAreSkipped() {
        assertThat(office.plus(local("2026-11-27T16:00", JOBURG), Duration.ofHours(8)))
                .isEqualTo(local("2026-11-30T16:00", JOBURG));
        assertThat(office.plus(local("2026-11-27T17:00", JOBURG), Duration.ofHours(2)))
                .isEqualTo(local("2026-11-30T11:00", JOBURG));
        // opened on a Saturday: the clock starts on Monday morning
        assertThat(office.plus(local("2026-11-28T11:00", JOBURG), Duration.ofHours(2)))
                .isEqualTo(local("2026-11-30T11:00", JOBURG));
        // 24 business hours from Thursday afternoon: 4 + 8 (Friday) + 8 (Monday) + 4 on Tuesday
        assertThat(office.plus(local("2026-11-26T13:00", JOBURG), Duration.ofHours(24)))
                .isEqualTo(local("2026-12-01T13:00", JOBURG));
    }

    @Test
    void beforeAndAfterHoursTheClockStartsAtTheNextOpening() {
        assertThat(office.plus(local("2026-11-24T07:00", JOBURG), Duration.ofHours(1)))
                .isEqualTo(local("2026-11-24T10:00", JOBURG));
        assertThat(office.plus(local("2026-11-24T18:00", JOBURG), Duration.ofHours(1)))
                .isEqualTo(local("2026-11-25T10:00", JOBURG));
        assertThat(office.plus(local("2026-11-24T18:00", JOBURG), Duration.ZERO))
                .isEqualTo(local("2026-11-25T09:00", JOBURG));
        assertThat(office.plus(local("2026-11-24T12:34", JOBURG), Duration.ZERO))
                .isEqualTo(local("2026-11-24T12:34", JOBURG));
    }

    @Test
    void theZoneDecidesWhatADayIs() {
        // 06:30 UTC on a Monday is 08:30 in Johannesburg: before opening
        assertThat(office.plus(Instant.parse("2026-11-23T06:30:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        // 23:30 UTC on a Sunday is already Monday 01:30 in Johannesburg
        assertThat(office.plus(Instant.parse("2026-11-22T23:30:00Z"), Duration.ofHours(1)))
                .isEqualTo(local("2026-11-23T10:00", JOBURG));
    }

    @Test
    void aWeekendClockChangeShiftsTheUtcTimeButNotTheLocalOne() {
        ZoneId london = ZoneId.of("Europe/London");
        BusinessHours hours = new BusinessHours(london, WEEKDAYS, 9 * 60, 17 * 60);
        // British Summer Time starts on Sunday 29 March 2026
        Instant due = hours.plus(local("2026-03-27T16:00", london), Duration.ofHours(2));
        assertThat(due).isEqualTo(local("2026-03-30T10:00", london)).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
    }

    @Test
    void aWindowSpanningSpringForwardIsAnHourShorter() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // clocks jump from 02:00 to 03:00 on Sunday 29 March 2026: 00:00-06:00 holds five real hours that day
        BusinessHours night = new BusinessHours(berlin, EVERY_DAY, 0, 6 * 60);
        assertThat(night.plus(local("2026-03-29T00:00", berlin), Duration.ofHours(5)))
                .isEqualTo(local("2026-03-29T06:00", berlin));
        assertThat(night.plus(local("2026-03-29T00:00", berlin), Duration.ofHours(6)))
                .isEqualTo(local("2026-03-30T01:00", berlin));
    }

    @Test
    void aWindowSpanningFallBackIsAnHourLonger() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // clocks go back from 03:00 to 02:00 on Sunday 25 October 2026: 00:00-06:00 holds seven real hours
        BusinessHours night = new BusinessHours(berlin, EVERY_DAY, 0, 6 * 60);
        Instant midnight = local("2026-10-25T00:00", berlin);
        assertThat(night.plus(midnight, Duration.ofHours(7))).isEqualTo(local("2026-10-25T06:00", berlin));
        assertThat(night.plus(midnight, Duration.ofHours(7))).isEqualTo(midnight.plus(Duration.ofHours(7)));
        assertThat(night.plus(midnight, Duration.ofHours(8))).isEqualTo(local("2026-10-26T01:00", berlin));
    }

    @Test
    void anOpeningInsideTheSpringForwardGapStartsAfterTheGap() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 02:30 does not exist on Sunday 8 March 2026 in New York; work starts at 03:30 EDT
        BusinessHours hours = new BusinessHours(newYork, EVERY_DAY, 2 * 60 + 30, 10 * 60);
        assertThat(hours.plus(local("2026-03-08T00:00", newYork), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
        assertThat(hours.isOpen(Instant.parse("2026-03-08T07:00:00Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-03-08T07:30:00Z"))).isTrue();
    }

    @Test
    void roundTheClockHoursArePlainTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessHours always = new BusinessHours(berlin, EVERY_DAY, 0, BusinessHours.MINUTES_PER_DAY);
        Instant start = local("2026-03-28T22:00", berlin);
        assertThat(always.plus(start, Duration.ofHours(30))).isEqualTo(start.plus(Duration.ofHours(30)));
        Instant autumn = local("2026-10-24T20:00", berlin);
        assertThat(always.plus(autumn, Duration.ofHours(50))).isEqualTo(autumn.plus(Duration.ofHours(50)));
    }

    @Test
    void isOpenFollowsTheDaysAndHours() {
        assertThat(office.isOpen(local("2026-11-23T09:00", JOBURG))).isTrue();
        assertThat(office.isOpen(local("2026-11-23T16:59", JOBURG))).isTrue();
        assertThat(office.isOpen(local("2026-11-23T17:00", JOBURG))).isFalse();
        assertThat(office.isOpen(local("2026-11-23T08:59", JOBURG))).isFalse();
        assertThat(office.isOpen(local("2026-11-28T12:00", JOBURG))).isFalse();
    }

    @Test
    void impossibleHoursAreRefused() {
        assertThatThrownBy(() -> new BusinessHours(JOBURG, Set.of(), 540, 1020))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessHours(JOBURG, WEEKDAYS, 1020, 540))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessHours(JOBURG, WEEKDAYS, 0, 1441))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> office.plus(Instant.now(), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }
}
