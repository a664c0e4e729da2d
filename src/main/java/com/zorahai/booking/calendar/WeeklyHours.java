package com.zorahai.booking.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Opening hours by weekday, as wall-clock times in the tenant's time zone; several intervals a day make breaks.
 */
public record WeeklyHours(Map<DayOfWeek, List<Interval>> days) {

    /** From {@code opens} (inclusive) to {@code closes} (exclusive), on one day. */
    public record Interval(LocalTime opens, LocalTime closes) {

        public Interval {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("closes must be after opens");
            }
        }
    }

    public WeeklyHours {
        EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, intervals) -> copy.put(day, intervals.stream()
                .sorted(Comparator.comparing(Interval::opens))
                .toList()));
        days = Map.copyOf(copy);
    }

    public static WeeklyHours none() {
        return new WeeklyHours(Map.of());
    }

    public List<Interval> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isEmpty() {
        return days.values().stream().allMatch(List::isEmpty);
    }

    /** A builder for tests and seeds: {@code builder().add(MONDAY, "09:00", "13:00").build()}. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private final Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);

        public Builder add(DayOfWeek day, LocalTime opens, LocalTime closes) {
            days.computeIfAbsent(day, d -> new ArrayList<>()).add(new Interval(opens, closes));
            return this;
        }

        public Builder add(DayOfWeek day, String opens, String closes) {
            return add(day, LocalTime.parse(opens), LocalTime.parse(closes));
        }

        public WeeklyHours build() {
            return new WeeklyHours(days);
        }
    }
}
