package com.zorahai.telephony.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a callee may be called: between {@code start} and {@code end} local time on {@code days}, in every one of
 * {@code zones} at once (a number whose zone is not known for sure may ring in any of them, so a call is placed only
 * when it is a decent hour in all).
 */
public record CallingWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days, List<ZoneId> zones) {

    private static final int HORIZON_DAYS = 14;

    public CallingWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end");
        }
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("at least one zone is needed");
        }
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        zones = List.copyOf(zones);
    }

    /** Whether {@code instant} is inside the window in every zone. */
    public boolean isOpen(Instant instant) {
        for (ZoneId zone : zones) {
            ZonedDateTime local = instant.atZone(zone);
            LocalTime time = local.toLocalTime();
            if (!days.contains(local.getDayOfWeek()) || time.isBefore(start) || !time.isBefore(end)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first instant at or after {@code from} inside the window in every zone; empty when the zones' windows do
     * not overlap within two weeks.
     */
    public Optional<Instant> nextOpening(Instant from) {
        if (isOpen(from)) {
            return Optional.of(from);
        }
        // the overlap of the zones' windows opens when the last of them opens: one of the zones' local starts
        List<Instant> candidates = new ArrayList<>();
        for (ZoneId zone : zones) {
            LocalDate day = from.atZone(zone).toLocalDate();
            for (int i = 0; i <= HORIZON_DAYS; i++) {
                Instant opening = ZonedDateTime.of(day.plusDays(i), start, zone).toInstant();
                if (opening.isAfter(from)) {
                    candidates.add(opening);
                }
            }
        }
        return candidates.stream().sorted().filter(this::isOpen).findFirst();
    }

    /** The same hours in the first zone only: the fallback when the zones never overlap. */
    public CallingWindow firstZoneOnly() {
        return new CallingWindow(start, end, days, List.of(zones.getFirst()));
    }

    /** The next opening, falling back to the first zone alone when the zones never overlap. */
    public Instant nextOpeningOrFirstZone(Instant from) {
        return nextOpening(from).or(() -> firstZoneOnly().nextOpening(from)).orElse(from);
    }
}
