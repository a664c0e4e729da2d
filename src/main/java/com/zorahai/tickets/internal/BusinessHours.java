package com.zorahai.tickets.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The working time of a tenant: the same hours on each working day, in the tenant's time zone. Adds business time
 * to an instant, skipping nights and days off.
 * <p>
 * Business time is real elapsed time inside the working hours: on the day the clocks change, a window that spans
 * the change is an hour shorter or longer. A working hour that does not exist that day (inside a spring-forward
 * gap) starts at the first instant after the gap; one that exists twice (autumn overlap) starts at its first
 * occurrence.
 *
 * @param startMinute the minute of the day work starts, 0 to 1439
 * @param endMinute the minute of the day work ends, after {@code startMinute}; 1440 is midnight at the day's end
 */
record BusinessHours(ZoneId zone, Set<DayOfWeek> days, int startMinute, int endMinute) {

    static final int MINUTES_PER_DAY = 24 * 60;

    BusinessHours {
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is needed");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (startMinute < 0 || endMinute > MINUTES_PER_DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("working hours must start before they end, within one day");
        }
    }

    /**
     * The instant {@code amount} of business time after {@code from}. Outside working hours the count starts at
     * the next opening, so a zero amount gives {@code from} during working hours and the next opening otherwise.
     */
    Instant plus(Instant from, Duration amount) {
        Objects.requireNonNull(from, "from");
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("amount must be zero or more");
        }
        Duration remaining = amount;
        LocalDate date = from.atZone(zone).toLocalDate();
        // the day before too: a window ending at midnight may still be open on the previous local date
        date = date.minusDays(1);
        while (true) {
            if (days.contains(date.getDayOfWeek())) {
                Instant open = at(date, startMinute);
                Instant close = at(date, endMinute);
                Instant begin = from.isAfter(open) ? from : open;
                if (begin.isBefore(close)) {
                    Duration available = Duration.between(begin, close);
                    if (remaining.compareTo(available) <= 0) {
                        return begin.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            date = date.plusDays(1);
        }
    }

    /** Whether {@code instant} falls within working hours. */
    boolean isOpen(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (LocalDate day : new LocalDate[]{date.minusDays(1), date}) {
            if (days.contains(day.getDayOfWeek()) && !instant.isBefore(at(day, startMinute))
                    && instant.isBefore(at(day, endMinute))) {
                return true;
            }
        }
        return false;
    }

    private Instant at(LocalDate date, int minuteOfDay) {
        return date.atStartOfDay().plusMinutes(minuteOfDay).atZone(zone).toInstant();
    }
}
