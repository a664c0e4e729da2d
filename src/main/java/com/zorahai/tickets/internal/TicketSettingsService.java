package com.zorahai.tickets.internal;

import com.zorahai.platform.FieldErrors;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.tickets.TicketPriority;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's business hours and response times: the stored ones, else the defaults in the tenant's own time zone.
 * Changes apply to tickets opened or re-prioritised afterwards; due times already set stay.
 */
@Service
public class TicketSettingsService {

    /** The longest response time a priority may have, in business hours. */
    static final int MAX_SLA_HOURS = 2000;

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");

    private final TicketSettingsStore store;
    private final Tenants tenants;
    private final Clock clock;

    TicketSettingsService(TicketSettingsStore store, Tenants tenants, ObjectProvider<Clock> clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * New settings as the API gives them; a missing field takes its default.
     *
     * @param timeZone an IANA zone id; null for the tenant's own time zone
     * @param workingDays {@code mon} ... {@code sun} (or full names)
     * @param workStart {@code HH:mm}
     * @param workEnd {@code HH:mm}, after the start; {@code 24:00} is the end of the day
     * @param slaHours business hours per priority ({@code urgent}, {@code high}, {@code normal}, {@code low})
     */
    public record SettingsDraft(String timeZone, List<String> workingDays, String workStart, String workEnd,
            Map<String, Integer> slaHours) {
    }

    @Transactional(readOnly = true)
    public TicketSettings get(TenantId tenant) {
        ZoneId tenantZone = tenantZone(tenant);
        return store.find(tenant, tenantZone).orElseGet(() -> TicketSettings.defaults(tenantZone));
    }

    /** Replaces the tenant's settings; a 400 naming every invalid field. */
    @Transactional
    public TicketSettings update(TenantId tenant, SettingsDraft draft, UUID updatedBy) {
        FieldErrors errors = new FieldErrors();
        ZoneId stored = null;
        if (draft.timeZone() != null && !draft.timeZone().isBlank()) {
            try {
                stored = ZoneId.of(draft.timeZone().strip());
            } catch (DateTimeException ex) {
                errors.add("time_zone", "must be a time zone such as Africa/Johannesburg");
            }
        }
        List<DayOfWeek> days = TicketSettings.DEFAULT_DAYS;
        if (draft.workingDays() != null) {
            Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
            for (int i = 0; i < draft.workingDays().size(); i++) {
                Optional<DayOfWeek> day = day(draft.workingDays().get(i));
                if (day.isEmpty()) {
                    errors.add("working_days[" + i + "]", "must be mon, tue, wed, thu, fri, sat or sun");
                } else if (!chosen.add(day.get())) {
                    errors.add("working_days[" + i + "]", "is given twice");
                }
            }
            if (draft.workingDays().isEmpty()) {
                errors.add("working_days", "must name at least one day");
            }
            days = List.copyOf(chosen);
        }
        Integer start = draft.workStart() == null
                ? Integer.valueOf(TicketSettings.DEFAULT_START)
                : minute(draft.workStart(), "working_hours.start", false, errors);
        Integer end = draft.workEnd() == null
                ? Integer.valueOf(TicketSettings.DEFAULT_END)
                : minute(draft.workEnd(), "working_hours.end", true, errors);
        if (start != null && end != null && start >= end) {
            errors.add("working_hours.end", "must be after the start");
        }
        Map<TicketPriority, Integer> sla = TicketSettings.defaultSlaHours();
        if (draft.slaHours() != null) {
            for (Map.Entry<String, Integer> entry : draft.slaHours().entrySet()) {
                Optional<TicketPriority> priority = TicketPriority.find(entry.getKey());
                String field = "sla_hours." + entry.getKey();
                if (priority.isEmpty()) {
                    errors.add(field, "is not a priority (urgent, high, normal, low)");
                } else if (entry.getValue() == null || entry.getValue() < 1 || entry.getValue() > MAX_SLA_HOURS) {
                    errors.add(field, "must be a whole number of hours from 1 to " + MAX_SLA_HOURS);
                } else {
                    sla.put(priority.get(), entry.getValue());
                }
            }
        }
        errors.throwIfAny();
        TicketSettings settings = new TicketSettings(stored, stored == null ? tenantZone(tenant) : stored, days,
                start, end, new EnumMap<>(sla), clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.save(tenant, settings, updatedBy);
        return settings;
    }

    /** The tenant's own time zone; UTC for a tenant the registry does not know. */
    private ZoneId tenantZone(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::timezone).orElse(UTC);
    }

    private static Optional<DayOfWeek> day(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (name.equals(wanted) || name.substring(0, 3).equals(wanted)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private static Integer minute(String value, String field, boolean end, FieldErrors errors) {
        Matcher time = TIME.matcher(value.strip());
        if (time.matches()) {
            int minute = Integer.parseInt(time.group(1)) * 60 + Integer.parseInt(time.group(2));
            if (minute < BusinessHours.MINUTES_PER_DAY || (end && minute == BusinessHours.MINUTES_PER_DAY)) {
                return minute;
            }
        }
        errors.add(field, end
                ? "must be a time from 00:01 to 24:00 (HH:mm)"
                : "must be a time from 00:00 to 23:59"
                        + " (HH:mm)");
        return null;
    }

    /** {@code HH:mm} of a minute of the day; 1440 is {@code 24:00}. */
    public static String time(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }
}
