package com.zorahai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTests {

    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void datesAreWholeDaysOfTheTenantsZoneWithToIncluded() {
        Period march = Period.parse("2026-03-01", "2026-03-31", NEW_YORK, NOW, 400);
        assertThat(march.from()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        // DST starts on 8 March in New York: April begins at 04:00 UTC
        assertThat(march.to()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        assertThat(march.firstDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void timestampsWithAnOffsetAreTakenAsTheyAre() {
        Period period = Period.parse("2026-03-01T10:00:00+02:00", "2026-03-02T00:00:00Z", BEIRUT, NOW, 400);
        assertThat(period.from()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(period.to()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void withoutDatesItIsTheLastThirtyDaysUpToToday() {
        Period period = Period.parse(null, " ", BEIRUT, NOW, 400);
        assertThat(period.lastDay()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(period.firstDay()).isEqualTo(LocalDate.of(2026, 10, 26));
        Period fromOnly = Period.parse("2026-11-01", null, BEIRUT, NOW, 400);
        assertThat(fromOnly.lastDay()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void aDaySpansTwentyThreeOrTwentyFiveHoursAcrossDaylightSaving() {
        assertThat(Duration.between(Period.day(LocalDate.of(2026, 3, 8), NEW_YORK).from(),
                Period.day(LocalDate.of(2026, 3, 8), NEW_YORK).to())).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(Period.day(LocalDate.of(2026, 11, 1), NEW_YORK).from(),
                Period.day(LocalDate.of(2026, 11, 1), NEW_YORK).to())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> Period.parse("yesterday", null, BEIRUT, NOW, 400))
                .isInstanceOf(ProblemException.class).hasMessageStartingWith("from:");
        assertThatThrownBy(() -> Period.parse(null, "2026-13-01", BEIRUT, NOW, 400))
                .isInstanceOf(ProblemException.class).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> Period.parse("2026-03-02", "2026-03-01", BEIRUT, NOW, 400))
                .isInstanceOf(ProblemException.class).hasMessage("from: must be before to");
        assertThatThrownBy(() -> Period.parse("2020-01-01", "2026-01-01", BEIRUT, NOW, 400))
                .isInstanceOf(ProblemException.class).hasMessageStartingWith("to: the period may cover at most");
        assertThat(Period.parse("2025-01-01", "2025-12-31", BEIRUT, NOW, 365).lastDay())
                .isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void weeklyBucketsStartOnMondayAndDailyBucketsCoverEveryDay() {
        Period period = Period.parse("2026-03-04", "2026-03-17", NEW_YORK, NOW, 400);
        assertThat(Timeseries.buckets(period, Timeseries.Interval.WEEK)).containsExactly(LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16));
        assertThat(Timeseries.buckets(period, Timeseries.Interval.DAY)).hasSize(14)
                .startsWith(LocalDate.of(2026, 3, 4)).endsWith(LocalDate.of(2026, 3, 17));
        assertThatThrownBy(() -> Timeseries.buckets(Period.parse("2020-01-01", "2026-01-01", NEW_YORK, NOW, 3000),
                Timeseries.Interval.DAY)).isInstanceOf(ProblemException.class).hasMessageStartingWith("interval:");
    }

    @Test
    void hourlySumsServeZonesWhoseOffsetIsAWholeNumberOfHoursThroughoutThePeriod() {
        assertThat(Timeseries.wholeHours(Period.parse("2026-01-01", "2026-12-31", NEW_YORK, NOW, 400))).isTrue();
        assertThat(Timeseries.wholeHours(Period.parse("2026-01-01", "2026-12-31", ZoneId.of("Asia/Kolkata"), NOW,
                400))).isFalse();
        // Lord Howe Island moves by half an hour in April
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        assertThat(Timeseries.wholeHours(Period.parse("2026-01-10", "2026-01-20", lordHowe, NOW, 400))).isTrue();
        assertThat(Timeseries.wholeHours(Period.parse("2026-03-20", "2026-04-20", lordHowe, NOW, 400))).isFalse();
    }

    @Test
    void theDueReportIsYesterdaysOnceTheHourHasComeInTheTenantsZone() {
        // 10:00 UTC is 12:00 in Beirut (UTC+2 in November) and 05:00 in New York
        assertThat(DailyReports.dueDate(BEIRUT, 8, NOW)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(DailyReports.dueDate(NEW_YORK, 8, NOW)).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(DailyReports.dueDate(NEW_YORK, 5, NOW)).isEqualTo(LocalDate.of(2026, 11, 23));
        // just after midnight in Tokyo it is already the 25th there
        assertThat(DailyReports.dueDate(ZoneId.of("Asia/Tokyo"), 0, Instant.parse("2026-11-24T15:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 11, 24));
    }
}
