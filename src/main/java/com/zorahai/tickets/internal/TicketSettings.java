package com.zorahai.tickets.internal;

import com.zorahai.tickets.TicketPriority;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A tenant's business hours and response times, as they apply.
 *
 * @param timeZone the zone the tenant set for tickets; null when it uses its own {@code timezone}
 * @param zone the zone in effect
 * @param workingDays the working days, Monday first
 * @param startMinute the minute of the day work starts
 * @param endMinute the minute of the day work ends; 1440 is midnight at the end of the day
 * @param slaHours the business hours within which a ticket of each priority gets its first response
 * @param updatedAt when the tenant last changed them; null while it uses the defaults
 */
public record TicketSettings(ZoneId timeZone, ZoneId zone, List<DayOfWeek> workingDays, int startMinute,
        int endMinute, Map<TicketPriority, Integer> slaHours, Instant updatedAt) {

    static final List<DayOfWeek> DEFAULT_DAYS = List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    static final int DEFAULT_START = 9 * 60;
    static final int DEFAULT_END = 17 * 60;

    public TicketSettings {
        workingDays = List.copyOf(EnumSet.copyOf(workingDays));
        slaHours = Map.copyOf(new EnumMap<>(slaHours));
    }

    /** The defaults: Monday to Friday 09:00-17:00 in {@code zone}; urgent 2, high 4, normal 8, low 24 hours. */
    static TicketSettings defaults(ZoneId zone) {
        return new TicketSettings(null, zone, DEFAULT_DAYS, DEFAULT_START, DEFAULT_END, defaultSlaHours(), null);
    }

    static Map<TicketPriority, Integer> defaultSlaHours() {
        Map<TicketPriority, Integer> hours = new EnumMap<>(TicketPriority.class);
        hours.put(TicketPriority.URGENT, 2);
        hours.put(TicketPriority.HIGH, 4);
        hours.put(TicketPriority.NORMAL, 8);
        hours.put(TicketPriority.LOW, 24);
        return hours;
    }

    BusinessHours businessHours() {
        return new BusinessHours(zone, EnumSet.copyOf(workingDays), startMinute, endMinute);
    }

    /** When a ticket of this priority opened at {@code openedAt} is due its first response. */
    public Instant dueAt(Instant openedAt, TicketPriority priority) {
        return businessHours().plus(openedAt, Duration.ofHours(slaHours.get(priority)));
    }
}
