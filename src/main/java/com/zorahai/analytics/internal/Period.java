package com.zorahai.analytics.internal;

import com.zorahai.platform.ProblemException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A half-open period {@code [from, to)} read in a tenant's time zone. Dates name whole days of that zone ({@code to}
 * included: {@code from=2026-03-01&to=2026-03-31} is March); full timestamps with an offset are taken as they are.
 */
public record Period(Instant from, Instant to, ZoneId zone) {

    /** The default length when {@code from} is not given: the 30 days up to and including {@code to}. */
    static final int DEFAULT_DAYS = 30;

    public Period {
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
    }

    /** The whole local day {@code date} in {@code zone} (23 or 25 hours on a DST change). */
    public static Period day(LocalDate date, ZoneId zone) {
        return new Period(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant(),
                zone);
    }

    /**
     * Reads {@code from} and {@code to} as the API receives them; each may be a date, an ISO timestamp with an offset,
     * or absent ({@code to}: today; {@code from}: 30 days before {@code to}). 400 naming the field when one cannot be
     * read, when {@code from} is not before {@code to}, or when the period is longer than {@code maxDays}.
     */
    public static Period parse(String from, String to, ZoneId zone, Instant now, int maxDays) {
        Instant end = blank(to)
                ? LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant()
                : instant(to, "to", zone, true);
        Instant start = blank(from)
                ? LocalDate.ofInstant(end.minusNanos(1), zone).minusDays(DEFAULT_DAYS - 1).atStartOfDay(zone)
                        .toInstant()
                : instant(from, "from", zone, false);
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(maxDays).plusHours(1)) > 0) {
            throw ProblemException.invalidField("to", "the period may cover at most " + maxDays + " days");
        }
        return new Period(start, end, zone);
    }

    /** The first local day of the period. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, zone);
    }

    /** The last local day the period touches. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(to.minusNanos(1), zone);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant instant(String value, String field, ZoneId zone, boolean endOfDay) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "must be a date (2026-03-31) or a timestamp with an offset"
                    + " (2026-03-31T00:00:00Z)");
        }
    }
}
