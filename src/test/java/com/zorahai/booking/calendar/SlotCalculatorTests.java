package com.zorahai.booking.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.booking.Slot;
import com.zorahai.booking.calendar.SlotCalculator.Bookable;
import com.zorahai.booking.calendar.SlotCalculator.DateRange;
import com.zorahai.booking.calendar.SlotCalculator.Taken;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Slots from opening hours in the tenant's time zone, including the days the clocks change.
 */
class SlotCalculatorTests {

    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FAR_AHEAD = Instant.parse("2100-01-01T00:00:00Z");

    private final UUID room1 = UUID.randomUUID();
    private final UUID room2 = UUID.randomUUID();

    @Test
    void stepsThroughEachWorkingIntervalAndSkipsTheBreak() {
        WeeklyHours hours = WeeklyHours.builder()
                .add(DayOfWeek.MONDAY, "09:00", "12:00")
                .add(DayOfWeek.MONDAY, "13:00", "14:00")
                .build();
        LocalDate monday = LocalDate.of(2026, 12, 7);

        List<Slot> slots = SlotCalculator.slots(BEIRUT, monday, monday, Duration.ofMinutes(60),
                Duration.ofMinutes(30), LONG_AGO, FAR_AHEAD, List.of(new Bookable(room1, "Room 1", hours, List.of())),
                List.of());

        assertThat(slots).extracting(s -> s.start().toLocalTime().toString())
                .containsExactly("09:00", "09:30", "10:00", "10:30", "11:00", "13:00");
        assertThat(slots.getFirst().start().getZone()).isEqualTo(BEIRUT);
        assertThat(slots.getFirst().start().getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
        assertThat(slots.getFirst().end().toLocalTime().toString()).isEqualTo("10:00");
        assertThat(slots.getFirst().resourceName()).isEqualTo("Room 1");
    }

    @Test
    void takenTimeClosuresAndTheNoticeWindowAreLeftOut() {
        WeeklyHours hours = WeeklyHours.builder().add(DayOfWeek.MONDAY, "09:00", "12:00")
                .add(DayOfWeek.TUESDAY, "09:00", "12:00").build();
        LocalDate monday = LocalDate.of(2026, 12, 7);
        Instant tenOClock = monday.atTime(10, 0).atZone(BEIRUT).toInstant();
        Bookable one = new Bookable(room1, "Room 1", hours, List.of());
        Bookable two = new Bookable(room2, "Room 2", hours, List.of(new DateRange(monday.plusDays(1),
                monday.plusDays(1))));

        List<Slot> slots = SlotCalculator.slots(BEIRUT, monday, monday.plusDays(1), Duration.ofMinutes(60),
                Duration.ofMinutes(60), monday.atTime(9, 30).atZone(BEIRUT).toInstant(), FAR_AHEAD,
                List.of(one, two), List.of(new Taken(room1, tenOClock, tenOClock.plus(Duration.ofMinutes(30)))));

        assertThat(slots).extracting(s -> s.start().toLocalDate().getDayOfMonth() + " " + s.start().toLocalTime()
                + " " + s.resourceName())
                .containsExactly("7 10:00 Room 2", "7 11:00 Room 1", "7 11:00 Room 2", "8 09:00 Room 1",
                        "8 10:00 Room 1", "8 11:00 Room 1");
    }

    @Test
    void springForwardInParisKeepsEverySlotAsLongAsTheService() {
        // 29 March 2026: 02:00 becomes 03:00 in Paris
        LocalDate day = LocalDate.of(2026, 3, 29);
        WeeklyHours hours = WeeklyHours.builder().add(DayOfWeek.SUNDAY, "01:00", "05:00").build();

        List<Slot> slots = SlotCalculator.slots(PARIS, day, day, Duration.ofMinutes(60), Duration.ofMinutes(30),
                LONG_AGO, FAR_AHEAD, List.of(new Bookable(room1, "Room 1", hours, List.of())), List.of());

        // 01:00 to 05:00 on the clock is three real hours
        assertThat(slots).extracting(s -> s.start().toLocalTime().toString())
                .containsExactly("01:00", "01:30", "03:00", "03:30", "04:00");
        assertThat(slots).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).hasMinutes(60));
        assertThat(slots.get(1).end().toLocalTime().toString()).isEqualTo("03:30");
    }

    @Test
    void fallBackInParisOffersTheRepeatedHourTwice() {
        // 25 October 2026: 03:00 becomes 02:00 again in Paris
        LocalDate day = LocalDate.of(2026, 10, 25);
        WeeklyHours hours = WeeklyHours.builder().add(DayOfWeek.SUNDAY, "01:00", "04:00").build();

        List<Slot> slots = SlotCalculator.slots(PARIS, day, day, Duration.ofMinutes(60), Duration.ofMinutes(60),
                LONG_AGO, FAR_AHEAD, List.of(new Bookable(room1, "Room 1", hours, List.of())), List.of());

        assertThat(slots).extracting(s -> s.start().toLocalTime() + s.start().getOffset().getId())
                .containsExactly("01:00+02:00", "02:00+02:00", "02:00+01:00", "03:00+01:00");
        assertThat(slots).extracting(s -> s.start().toInstant()).doesNotHaveDuplicates();
    }

    @Test
    void beirutOpeningInsideTheSkippedHourOpensWhenTheClockResumes() {
        // 29 March 2026: midnight becomes 01:00 in Beirut
        LocalDate day = LocalDate.of(2026, 3, 29);
        WeeklyHours hours = WeeklyHours.builder().add(DayOfWeek.SUNDAY, "00:00", "03:00").build();

        List<Slot> slots = SlotCalculator.slots(BEIRUT, day, day, Duration.ofMinutes(30), Duration.ofMinutes(30),
                LONG_AGO, FAR_AHEAD, List.of(new Bookable(room1, "Room 1", hours, List.of())), List.of());

        assertThat(slots).extracting(s -> s.start().toLocalTime().toString())
                .containsExactly("01:00", "01:30", "02:00", "02:30");
        assertThat(slots.getFirst().start().getOffset().getId()).isEqualTo("+03:00");
    }

    @Test
    void beirutWeekAcrossTheAutumnChangeKeepsWallClockHours() {
        // 25 October 2026 (Sunday): Beirut goes from +03:00 back to +02:00 at midnight
        WeeklyHours hours = WeeklyHours.builder().add(DayOfWeek.SATURDAY, "10:00", "11:00")
                .add(DayOfWeek.MONDAY, "10:00", "11:00").build();
        LocalDate saturday = LocalDate.of(2026, 10, 24);

        List<Slot> slots = SlotCalculator.slots(BEIRUT, saturday, saturday.plusDays(2), Duration.ofMinutes(60),
                Duration.ofMinutes(15), LONG_AGO, FAR_AHEAD, List.of(new Bookable(room1, "Room 1", hours,
                        List.of())),
                List.of());

        assertThat(slots).extracting(Slot::start)
                .containsExactly(ZonedDateTime.of(saturday.atTime(10, 0), BEIRUT),
                        ZonedDateTime.of(saturday.plusDays(2).atTime(10, 0), BEIRUT));
        assertThat(slots).extracting(s -> s.start().getOffset().getId()).containsExactly("+03:00", "+02:00");
        assertThat(slots).extracting(s -> s.start().toInstant().toString())
                .containsExactly("2026-10-24T07:00:00Z", "2026-10-26T08:00:00Z");
    }

    @Test
    void fitsOnlyWithinOneWorkingIntervalOnAnOpenDay() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        WeeklyHours hours = WeeklyHours.builder().add(DayOfWeek.MONDAY, "09:00", "12:00")
                .add(DayOfWeek.MONDAY, "13:00", "18:00").build();
        Bookable open = new Bookable(room1, "Room 1", hours, List.of());
        Bookable closed = new Bookable(room1, "Room 1", hours, List.of(new DateRange(monday, monday)));

        assertThat(SlotCalculator.fits(BEIRUT, open, at(monday, 11, 0), at(monday, 12, 0))).isTrue();
        assertThat(SlotCalculator.fits(BEIRUT, open, at(monday, 11, 30), at(monday, 12, 30))).isFalse();
        assertThat(SlotCalculator.fits(BEIRUT, open, at(monday, 8, 30), at(monday, 9, 30))).isFalse();
        assertThat(SlotCalculator.fits(BEIRUT, open, at(monday.plusDays(1), 10, 0), at(monday.plusDays(1), 11, 0)))
                .isFalse();
        assertThat(SlotCalculator.fits(BEIRUT, closed, at(monday, 10, 0), at(monday, 11, 0))).isFalse();
    }

    @Test
    void hoursAreSortedAndRejectAnEmptyInterval() {
        WeeklyHours hours = WeeklyHours.builder().add(DayOfWeek.FRIDAY, "14:00", "16:00")
                .add(DayOfWeek.FRIDAY, "09:00", "12:00").build();
        assertThat(hours.on(DayOfWeek.FRIDAY)).extracting(i -> i.opens().toString()).containsExactly("09:00",
                "14:00");
        assertThat(hours.on(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(hours.isEmpty()).isFalse();
        assertThat(WeeklyHours.none().isEmpty()).isTrue();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WeeklyHours.builder().add(DayOfWeek.FRIDAY, "10:00", "10:00"));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BEIRUT).toInstant();
    }
}
