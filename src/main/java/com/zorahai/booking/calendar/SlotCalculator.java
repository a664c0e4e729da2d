package com.zorahai.booking.calendar;

import com.zorahai.booking.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Works out free slots. Opening hours are wall-clock times in the tenant's time zone; each working interval becomes
 * a span of real time (a start inside a daylight-saving gap moves to after the gap, a close inside a repeated hour
 * takes its second occurrence), and slots step through that span in real minutes. So on the day the clocks change
 * every slot still lasts exactly the service's duration and no slot is offered twice or lost.
 */
public final class SlotCalculator {

    private SlotCalculator() {
    }

    /** An inclusive range of days on which a resource does not work. */
    public record DateRange(LocalDate from, LocalDate to) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** A member of staff or room with its hours and closures. */
    public record Bookable(UUID id, String name, WeeklyHours hours, List<DateRange> closures) {

        public Bookable {
            closures = List.copyOf(closures);
        }
    }

    /** A time a resource is taken. */
    public record Taken(UUID resourceId, Instant start, Instant end) {
    }

    /** A span of real time a resource works. */
    record Window(Instant start, Instant end) {
    }

    /**
     * The free slots of {@code duration} on the days {@code from} to {@code to} (inclusive) that start no earlier
     * than {@code earliest} and no later than {@code latest}, ordered by start and then resource name.
     */
    public static List<Slot> slots(ZoneId zone, LocalDate from, LocalDate to, Duration duration, Duration step,
            Instant earliest, Instant latest, List<Bookable> resources, List<Taken> taken) {
        if (duration.isZero() || duration.isNegative() || step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("duration and step must be positive");
        }
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Bookable resource : resources) {
                List<Taken> busy = taken.stream().filter(t -> t.resourceId().equals(resource.id())).toList();
                for (Window window : windows(zone, day, resource)) {
                    Instant start = window.start();
                    while (!start.plus(duration).isAfter(window.end())) {
                        Instant end = start.plus(duration);
                        if (!start.isBefore(earliest) && !start.isAfter(latest) && !overlaps(busy, start, end)) {
                            slots.add(new Slot(start.atZone(zone), end.atZone(zone), resource.id().toString(),
                                    resource.name()));
                        }
                        start = start.plus(step);
                    }
                }
            }
        }
        slots.sort(Comparator.comparing((Slot s) -> s.start().toInstant()).thenComparing(Slot::resourceName));
        return slots;
    }

    /** Whether the resource works through the whole of {@code [start, end)}, within one working interval. */
    public static boolean fits(ZoneId zone, Bookable resource, Instant start, Instant end) {
        LocalDate day = start.atZone(zone).toLocalDate();
        return windows(zone, day, resource).stream()
                .anyMatch(w -> !start.isBefore(w.start()) && !end.isAfter(w.end()));
    }

    static List<Window> windows(ZoneId zone, LocalDate day, Bookable resource) {
        if (resource.closures().stream().anyMatch(c -> c.contains(day))) {
            return List.of();
        }
        List<Window> windows = new ArrayList<>();
        for (WeeklyHours.Interval interval : resource.hours().on(day.getDayOfWeek())) {
            Instant opens = ZonedDateTime.ofLocal(day.atTime(interval.opens()), zone, null).toInstant();
            Instant closes = ZonedDateTime.ofLocal(day.atTime(interval.closes()), zone, null)
                    .withLaterOffsetAtOverlap()
                    .toInstant();
            if (closes.isAfter(opens)) {
                windows.add(new Window(opens, closes));
            }
        }
        return windows;
    }

    private static boolean overlaps(List<Taken> busy, Instant start, Instant end) {
        for (Taken t : busy) {
            if (t.start().isBefore(end) && t.end().isAfter(start)) {
                return true;
            }
        }
        return false;
    }
}
