package com.zorahai.booking.calendar;

import com.zorahai.booking.calendar.CalendarStore.ClosureRow;
import com.zorahai.booking.calendar.CalendarStore.HoursRow;
import com.zorahai.booking.calendar.CalendarStore.ResourceRow;
import com.zorahai.booking.calendar.CalendarStore.ServiceRow;
import com.zorahai.booking.internal.BookingProblems;
import com.zorahai.booking.internal.BookingTenant;
import com.zorahai.booking.internal.BookingTenants;
import com.zorahai.booking.internal.Inputs;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the built-in calendar: services, staff and rooms, working hours and closures. Every change checks all
 * fields and names each invalid one; a tenant whose calendar lives in the clinic's own system gets 409
 * {@code calendar-managed-externally}.
 */
@Service
public class CalendarAdmin {

    static final int MAX_INTERVALS_A_DAY = 6;

    private final CalendarStore store;
    private final BookingTenants tenants;
    private final Clock clock = Clock.systemUTC();

    CalendarAdmin(CalendarStore store, BookingTenants tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    /**
     * A service as a request gives it; {@code fields} names what a change sets (a missing field stays, a null one is
     * cleared where it may be).
     */
    public record ServiceDraft(String name, String description, Integer durationMinutes, BigDecimal price,
            String currency, BigDecimal priceFemale, BigDecimal priceMale, Boolean active, Set<String> fields,
            Map<String, String> genderCurrencies) {

        public ServiceDraft {
            fields = fields == null ? Set.of() : Set.copyOf(fields);
            genderCurrencies = genderCurrencies == null ? Map.of() : Map.copyOf(genderCurrencies);
        }

        public ServiceDraft(String name, String description, Integer durationMinutes, BigDecimal price,
                String currency, BigDecimal priceFemale, BigDecimal priceMale, Boolean active, Set<String> fields) {
            this(name, description, durationMinutes, price, currency, priceFemale, priceMale, active, fields,
                    Map.of());
        }

        boolean has(String field) {
            return fields.contains(field);
        }
    }

    /** A member of staff or room as a request gives it; {@code fields} as in {@link ServiceDraft}. */
    public record ResourceDraft(String name, String kind, Boolean active, List<String> serviceIds,
            Set<String> fields) {

        public ResourceDraft {
            fields = fields == null ? Set.of() : Set.copyOf(fields);
        }

        boolean has(String field) {
            return fields.contains(field);
        }
    }

    /** One opening interval as a request gives it: weekday name or number, times as {@code HH:mm}. */
    public record HoursDraft(String weekday, String opens, String closes) {
    }

    /** A closure as a request gives it. */
    public record ClosureDraft(LocalDate startsOn, LocalDate endsOn, String resourceId, String reason) {
    }

    /** Working hours, and whether they are the clinic's (for a resource without hours of its own). */
    public record Hours(UUID resourceId, boolean clinicHours, List<HoursRow> hours) {
    }

    // services

    @Transactional(readOnly = true)
    public List<ServiceRow> services(TenantId tenant, boolean includeInactive) {
        builtin(tenant);
        return store.services(tenant, includeInactive);
    }

    @Transactional(readOnly = true)
    public ServiceRow service(TenantId tenant, UUID id) {
        return store.service(tenant, id).orElseThrow(() -> BookingProblems.serviceNotFound(id.toString()));
    }

    @Transactional
    public ServiceRow createService(TenantId tenant, ServiceDraft draft) {
        BookingTenant config = builtin(tenant);
        Instant now = clock.instant();
        ServiceRow row = checkService(new ServiceRow(UUID.randomUUID(), tenant, null, null, 0, null,
                config.currency().getCurrencyCode(), null, null, true, now, now), draft, true);
        if (!store.insert(row)) {
            throw nameTaken("service");
        }
        return row;
    }

    @Transactional
    public ServiceRow updateService(TenantId tenant, UUID id, ServiceDraft draft) {
        ServiceRow current = service(tenant, id);
        builtin(tenant);
        ServiceRow row = checkService(current, draft, false);
        if (!store.update(row)) {
            throw nameTaken("service");
        }
        return row;
    }

    private ServiceRow checkService(ServiceRow current, ServiceDraft draft, boolean creating) {
        FieldErrors errors = new FieldErrors();
        String name = current.name();
        if (creating || draft.has("name")) {
            name = Inputs.text(errors, "name", draft.name(), 200);
            if (name == null && !errors.has("name")) {
                errors.add("name", "is required");
            }
        }
        String description = draft.has("description")
                ? Inputs.text(errors, "description", draft.description(), 2000)
                : current.description();
        int duration = current.durationMinutes();
        if (creating || draft.has("duration_minutes")) {
            if (draft.durationMinutes() == null) {
                errors.add("duration_minutes", "is required");
            } else if (draft.durationMinutes() < 5 || draft.durationMinutes() > 720) {
                errors.add("duration_minutes", "must be between 5 and 720");
            } else {
                duration = draft.durationMinutes();
            }
        }
        String currency = current.currency();
        if (draft.has("currency") && draft.currency() != null) {
            try {
                currency = Currency.getInstance(draft.currency().strip().toUpperCase(Locale.ROOT))
                        .getCurrencyCode();
            } catch (IllegalArgumentException ex) {
                errors.add("price.currency", "must be an ISO 4217 code such as USD");
            }
        }
        Currency code = Currency.getInstance(currency);
        BigDecimal price = current.price();
        if (creating || draft.has("price")) {
            price = amount(errors, "price.amount", draft.price(), code, true);
        }
        BigDecimal female = draft.has("price_female")
                ? amount(errors, "prices_by_gender.female", draft.priceFemale(), code, false)
                : current.priceFemale();
        BigDecimal male = draft.has("price_male")
                ? amount(errors, "prices_by_gender.male", draft.priceMale(), code, false)
                : current.priceMale();
        String serviceCurrency = currency;
        draft.genderCurrencies().forEach((gender, given) -> {
            if (!given.strip().equalsIgnoreCase(serviceCurrency)) {
                errors.add("prices_by_gender." + gender + ".currency", "must be " + serviceCurrency
                        + ", the currency of price");
            }
        });
        boolean active = draft.has("active") && draft.active() != null ? draft.active() : current.active();
        errors.throwIfAny();
        return new ServiceRow(current.id(), current.tenantId(), name, description, duration, price, currency, female,
                male, active, current.createdAt(), clock.instant());
    }

    private static BigDecimal amount(FieldErrors errors, String field, BigDecimal value, Currency currency,
            boolean required) {
        if (value == null) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        if (value.signum() < 0) {
            errors.add(field, "must not be negative");
            return null;
        }
        if (value.compareTo(new BigDecimal("10000000")) >= 0) {
            errors.add(field, "must be less than 10000000");
            return null;
        }
        if (value.stripTrailingZeros().scale() > Money.scaleOf(currency)) {
            errors.add(field, "must have at most " + Money.scaleOf(currency) + " decimals in "
                    + currency.getCurrencyCode());
            return null;
        }
        return value.setScale(2, Money.ROUNDING);
    }

    // resources

    @Transactional(readOnly = true)
    public List<ResourceRow> resources(TenantId tenant, boolean includeInactive) {
        builtin(tenant);
        return store.resources(tenant, includeInactive);
    }

    @Transactional(readOnly = true)
    public ResourceRow resource(TenantId tenant, UUID id) {
        return store.resource(tenant, id).orElseThrow(() -> ProblemException.notFound("resource", id));
    }

    @Transactional
    public ResourceRow createResource(TenantId tenant, ResourceDraft draft) {
        builtin(tenant);
        Instant now = clock.instant();
        ResourceRow row = checkResource(new ResourceRow(UUID.randomUUID(), tenant, null, null, true, List.of(), now,
                now), draft, true);
        if (!store.insert(row)) {
            throw nameTaken("resource");
        }
        return row;
    }

    @Transactional
    public ResourceRow updateResource(TenantId tenant, UUID id, ResourceDraft draft) {
        ResourceRow current = resource(tenant, id);
        builtin(tenant);
        ResourceRow row = checkResource(current, draft, false);
        if (!store.update(row)) {
            throw nameTaken("resource");
        }
        return store.resource(tenant, id).orElseThrow();
    }

    private ResourceRow checkResource(ResourceRow current, ResourceDraft draft, boolean creating) {
        FieldErrors errors = new FieldErrors();
        String name = current.name();
        if (creating || draft.has("name")) {
            name = Inputs.text(errors, "name", draft.name(), 200);
            if (name == null && !errors.has("name")) {
                errors.add("name", "is required");
            }
        }
        String kind = current.kind();
        if (creating || draft.has("kind")) {
            kind = draft.kind() == null ? null : draft.kind().strip().toLowerCase(Locale.ROOT);
            if (kind == null || !(kind.equals("staff") || kind.equals("room"))) {
                errors.add("kind", "must be staff or room");
            }
        }
        boolean active = draft.has("active") && draft.active() != null ? draft.active() : current.active();
        List<UUID> services = current.serviceIds();
        if (draft.has("service_ids")) {
            Map<UUID, Integer> ids = new LinkedHashMap<>();
            List<String> given = draft.serviceIds() == null ? List.of() : draft.serviceIds();
            for (int i = 0; i < given.size(); i++) {
                try {
                    ids.putIfAbsent(UUID.fromString(String.valueOf(given.get(i)).strip()), i);
                } catch (IllegalArgumentException ex) {
                    errors.add("service_ids[" + i + "]", "must be a UUID");
                }
            }
            List<UUID> known = store.existingServices(current.tenantId(), ids.keySet());
            ids.forEach((id, index) -> {
                if (!known.contains(id)) {
                    errors.add("service_ids[" + index + "]", "is not a service of this clinic");
                }
            });
            services = List.copyOf(ids.keySet());
        }
        errors.throwIfAny();
        return new ResourceRow(current.id(), current.tenantId(), name, kind, active, services, current.createdAt(),
                clock.instant());
    }

    // hours

    /** The clinic's hours ({@code resource} null), or the hours a resource works by (its own, else the clinic's). */
    @Transactional(readOnly = true)
    public Hours hours(TenantId tenant, UUID resource) {
        builtin(tenant);
        if (resource != null) {
            resource(tenant, resource);
        }
        List<HoursRow> all = store.hours(tenant);
        List<HoursRow> own = all.stream().filter(h -> resource != null && resource.equals(h.resourceId())).toList();
        if (resource != null && !own.isEmpty()) {
            return new Hours(resource, false, own);
        }
        return new Hours(resource, true, all.stream().filter(h -> h.resourceId() == null).toList());
    }

    /**
     * Replaces the clinic's hours ({@code resource} null) or a resource's; an empty list for a resource makes it
     * follow the clinic's hours again.
     */
    @Transactional
    public Hours replaceHours(TenantId tenant, UUID resource, List<HoursDraft> drafts) {
        builtin(tenant);
        if (resource != null) {
            resource(tenant, resource);
        }
        FieldErrors errors = new FieldErrors();
        List<HoursRow> rows = new ArrayList<>();
        List<HoursDraft> given = drafts == null ? List.of() : drafts;
        for (int i = 0; i < given.size(); i++) {
            HoursDraft draft = given.get(i);
            String prefix = "hours[" + i + "].";
            if (draft == null) {
                errors.add("hours[" + i + "]", "must be an object");
                continue;
            }
            DayOfWeek day = weekday(draft.weekday());
            if (day == null) {
                errors.add(prefix + "weekday", "must be a weekday (monday ... sunday, or 1 ... 7)");
            }
            LocalTime opens = time(errors, prefix + "opens", draft.opens());
            LocalTime closes = time(errors, prefix + "closes", draft.closes());
            if (opens != null && closes != null && !closes.isAfter(opens)) {
                errors.add(prefix + "closes", "must be after opens");
            } else if (day != null && opens != null && closes != null) {
                rows.add(new HoursRow(resource, day, opens, closes));
            }
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            List<HoursRow> sameDay = rows.stream().filter(r -> r.weekday() == day)
                    .sorted(Comparator.comparing(HoursRow::opens)).toList();
            if (sameDay.size() > MAX_INTERVALS_A_DAY) {
                errors.add("hours", "at most " + MAX_INTERVALS_A_DAY + " intervals a day");
            }
            for (int i = 1; i < sameDay.size(); i++) {
                if (sameDay.get(i).opens().isBefore(sameDay.get(i - 1).closes())) {
                    errors.add("hours", "intervals of " + day.name().toLowerCase(Locale.ROOT) + " overlap");
                }
            }
        }
        errors.throwIfAny();
        store.replaceHours(tenant, resource, rows);
        return hours(tenant, resource);
    }

    // closures

    @Transactional(readOnly = true)
    public List<ClosureRow> closures(TenantId tenant, LocalDate from, LocalDate to) {
        builtin(tenant);
        return store.closures(tenant, from, to);
    }

    @Transactional(readOnly = true)
    public ClosureRow closure(TenantId tenant, UUID id) {
        return store.closure(tenant, id).orElseThrow(() -> ProblemException.notFound("closure", id));
    }

    @Transactional
    public ClosureRow addClosure(TenantId tenant, ClosureDraft draft) {
        builtin(tenant);
        FieldErrors errors = new FieldErrors();
        if (draft.startsOn() == null) {
            errors.add("starts_on", "is required");
        }
        LocalDate ends = draft.endsOn() == null ? draft.startsOn() : draft.endsOn();
        if (draft.startsOn() != null && ends.isBefore(draft.startsOn())) {
            errors.add("ends_on", "must not be before starts_on");
        } else if (draft.startsOn() != null && ends.isAfter(draft.startsOn().plusYears(2))) {
            errors.add("ends_on", "must be within two years of starts_on");
        }
        UUID resource = null;
        if (draft.resourceId() != null && !draft.resourceId().isBlank()) {
            try {
                resource = UUID.fromString(draft.resourceId().strip());
                if (store.resource(tenant, resource).isEmpty()) {
                    errors.add("resource_id", "is not a member of staff or room of this clinic");
                }
            } catch (IllegalArgumentException ex) {
                errors.add("resource_id", "must be a UUID");
            }
        }
        String reason = Inputs.text(errors, "reason", draft.reason(), 200);
        errors.throwIfAny();
        ClosureRow row = new ClosureRow(UUID.randomUUID(), tenant, resource, draft.startsOn(), ends, reason,
                clock.instant());
        store.insert(row);
        return row;
    }

    @Transactional
    public void deleteClosure(TenantId tenant, UUID id) {
        if (!store.deleteClosure(tenant, id)) {
            throw ProblemException.notFound("closure", id);
        }
    }

    private BookingTenant builtin(TenantId tenant) {
        BookingTenant config = tenants.resolve(tenant);
        if (config.usesApi()) {
            throw BookingProblems.managedExternally();
        }
        return config;
    }

    private static ProblemException nameTaken(String what) {
        return ProblemException.of(HttpStatus.CONFLICT, what + "-name-taken", "Name taken",
                "Another " + what + " of this clinic has that name.").with("errors",
                        List.of(Map.of("field", "name", "reason", "is taken by another " + what)));
    }

    static DayOfWeek weekday(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.matches("[1-7]")) {
            return DayOfWeek.of(Integer.parseInt(v));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(v) || day.name().substring(0, 3).equals(v)) {
                return day;
            }
        }
        return null;
    }

    private static LocalTime time(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
            return null;
        }
        try {
            LocalTime time = LocalTime.parse(value.strip());
            if (time.getSecond() != 0 || time.getNano() != 0) {
                errors.add(field, "must be whole minutes (HH:mm)");
                return null;
            }
            return time;
        } catch (DateTimeParseException ex) {
            errors.add(field, "must be a time like 09:30");
            return null;
        }
    }
}
