package com.zorahai.booking.calendar;

import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.BookableService;
import com.zorahai.booking.NewAppointment;
import com.zorahai.booking.Slot;
import com.zorahai.booking.calendar.CalendarStore.ClosureRow;
import com.zorahai.booking.calendar.CalendarStore.HoursRow;
import com.zorahai.booking.calendar.CalendarStore.ResourceRow;
import com.zorahai.booking.calendar.SlotCalculator.Bookable;
import com.zorahai.booking.calendar.SlotCalculator.DateRange;
import com.zorahai.booking.calendar.SlotCalculator.Taken;
import com.zorahai.booking.internal.AppointmentRow;
import com.zorahai.booking.internal.AppointmentStore;
import com.zorahai.booking.internal.BookingProblems;
import com.zorahai.booking.internal.BookingProperties;
import com.zorahai.booking.internal.BookingProvider;
import com.zorahai.booking.internal.BookingTenant;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar in PostgreSQL. Slots come from working hours and closures minus what is booked; a booking takes the
 * first free resource that does the service, and the exclusion constraint on {@code booking_appointments} decides
 * between concurrent bookings of one slot.
 */
@Component
public class BuiltinCalendar implements BookingProvider {

    /** PostgreSQL's exclusion_violation. */
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final CalendarStore calendar;
    private final AppointmentStore appointments;
    private final BookingProperties properties;
    private final TransactionTemplate savepoint;

    BuiltinCalendar(CalendarStore calendar, AppointmentStore appointments, BookingProperties properties,
            PlatformTransactionManager transactions) {
        this.calendar = calendar;
        this.appointments = appointments;
        this.properties = properties;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public String name() {
        return BookingTenant.BUILTIN;
    }

    @Override
    public List<BookableService> services(BookingTenant tenant) {
        return calendar.services(tenant.id(), false).stream().map(CalendarStore.ServiceRow::bookable).toList();
    }

    @Override
    public Optional<BookableService> service(BookingTenant tenant, String serviceId) {
        return uuid(serviceId).flatMap(id -> calendar.service(tenant.id(), id)).map(CalendarStore.ServiceRow::bookable);
    }

    @Override
    public List<Slot> availability(BookingTenant tenant, BookableService service, LocalDate from, LocalDate to,
            String resourceId, Instant now) {
        ZoneId zone = tenant.zone();
        List<Bookable> resources = bookables(tenant, UUID.fromString(service.id()), resourceId, from, to);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Taken> taken = appointments.busy(tenant.id(), resources.stream().map(Bookable::id).toList(), start, end)
                .stream()
                .map(b -> new Taken(b.resourceId(), b.start(), b.end()))
                .toList();
        BookingProperties.Calendar settings = properties.calendar();
        return SlotCalculator.slots(zone, from, to, service.duration(), settings.slotStep(),
                now.plus(settings.minNotice()), now.plus(settings.maxAdvance()), resources, taken);
    }

    @Override
    public Placed book(BookingTenant tenant, BookableService service, NewAppointment request, Instant now) {
        UUID serviceId = UUID.fromString(service.id());
        Instant start = request.start();
        Instant end = start.plus(service.duration());
        LocalDate day = start.atZone(tenant.zone()).toLocalDate();
        List<Bookable> workable = workable(tenant, serviceId, request.resourceId(), day, start, end);
        Money price = service.priceFor(request.gender());
        for (Bookable resource : workable) {
            AppointmentRow row = new AppointmentRow(UUID.randomUUID(), tenant.id(), BookingTenant.BUILTIN, null,
                    serviceId, service.id(), service.name(), resource.id(), resource.id().toString(), resource.name(),
                    start, end, AppointmentStatus.BOOKED, request.customerName(), request.customerPhone(),
                    request.clientId(), request.gender(), request.channel(), request.language(), request.notes(),
                    price.rounded().amount(), price.currency().getCurrencyCode(), request.idempotencyKey(), null, null,
                    now, now);
            if (appointments.insertIfFree(row)) {
                return new Placed(row, true);
            }
            if (request.idempotencyKey() != null) {
                Optional<AppointmentRow> earlier = appointments.findByKey(tenant.id(), request.idempotencyKey());
                if (earlier.isPresent()) {
                    return new Placed(earlier.get(), false);
                }
            }
        }
        throw BookingProblems.slotTaken();
    }

    @Override
    public void cancel(BookingTenant tenant, AppointmentRow appointment, String reason) {
        // the row is the calendar: marking it cancelled frees the slot
    }

    @Override
    public AppointmentRow reschedule(BookingTenant tenant, AppointmentRow appointment, Instant start,
            String resourceId, Instant now) {
        Duration duration = Duration.between(appointment.startAt(), appointment.endAt());
        Instant end = start.plus(duration);
        LocalDate day = start.atZone(tenant.zone()).toLocalDate();
        List<Bookable> workable = new ArrayList<>(workable(tenant, appointment.serviceId(), resourceId, day, start,
                end));
        // keep the same member of staff or room when it is free
        workable.sort((a, b) -> Boolean.compare(!a.id().equals(appointment.resourceId()),
                !b.id().equals(appointment.resourceId())));
        for (Bookable resource : workable) {
            try {
                savepoint.executeWithoutResult(status -> appointments.move(appointment, start, end, resource.id(),
                        resource.id().toString(), resource.name(), null, now));
                return appointments.find(tenant.id(), appointment.appointmentId()).orElseThrow();
            } catch (DataIntegrityViolationException ex) {
                if (!isExclusionViolation(ex)) {
                    throw ex;
                }
            }
        }
        throw BookingProblems.slotTaken();
    }

    @Override
    public Optional<Slot> fitInto(BookingTenant tenant, AppointmentRow freed, String serviceId, Instant from,
            Instant to) {
        if (freed.resourceId() == null) {
            return Optional.empty();
        }
        Optional<CalendarStore.ServiceRow> service = uuid(serviceId)
                .flatMap(id -> calendar.service(tenant.id(), id))
                .filter(CalendarStore.ServiceRow::active);
        Optional<ResourceRow> resource = calendar.resource(tenant.id(), freed.resourceId())
                .filter(ResourceRow::active)
                .filter(r -> service.isPresent() && r.does(service.get().id()));
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        Instant end = from.plus(Duration.ofMinutes(service.get().durationMinutes()));
        if (end.isAfter(to) || !appointments.busy(tenant.id(), List.of(freed.resourceId()), from, end).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Slot(from.atZone(tenant.zone()), end.atZone(tenant.zone()),
                freed.resourceId().toString(), resource.get().name()));
    }

    /** The resources that do the service and work through {@code [start, end)}; 422 when there are none. */
    private List<Bookable> workable(BookingTenant tenant, UUID serviceId, String resourceId, LocalDate day,
            Instant start, Instant end) {
        List<Bookable> candidates = bookables(tenant, serviceId, resourceId, day, day);
        if (candidates.isEmpty()) {
            throw BookingProblems.outsideHours("No member of staff or room takes this service.");
        }
        List<Bookable> workable = candidates.stream()
                .filter(r -> SlotCalculator.fits(tenant.zone(), r, start, end))
                .toList();
        if (workable.isEmpty()) {
            throw BookingProblems.outsideHours("The clinic" + (resourceId == null ? "" : " (or the chosen resource)")
                    + " does not work then, or the appointment would run past closing time.");
        }
        return workable;
    }

    /**
     * The active resources that do the service, with their hours and closures; only {@code resourceId} when given
     * (a 400 naming {@code resource_id} when it is not one of them).
     */
    private List<Bookable> bookables(BookingTenant tenant, UUID serviceId, String resourceId, LocalDate from,
            LocalDate to) {
        TenantId id = tenant.id();
        List<ResourceRow> resources = calendar.resources(id, false).stream().filter(r -> r.does(serviceId)).toList();
        if (resourceId != null) {
            Optional<UUID> wanted = uuid(resourceId);
            resources = resources.stream().filter(r -> wanted.isPresent() && r.id().equals(wanted.get())).toList();
            if (resources.isEmpty()) {
                throw ProblemException.invalidField("resource_id", "is not an active member of staff or room that"
                        + " does this service");
            }
        }
        List<HoursRow> hours = calendar.hours(id);
        Map<UUID, List<HoursRow>> byResource = hours.stream()
                .filter(h -> h.resourceId() != null)
                .collect(Collectors.groupingBy(HoursRow::resourceId));
        WeeklyHours clinic = weekly(hours.stream().filter(h -> h.resourceId() == null).toList());
        List<ClosureRow> closures = calendar.closures(id, from, to);
        List<Bookable> bookables = new ArrayList<>();
        for (ResourceRow resource : resources) {
            List<HoursRow> own = byResource.get(resource.id());
            List<DateRange> off = closures.stream()
                    .filter(c -> c.resourceId() == null || c.resourceId().equals(resource.id()))
                    .map(c -> new DateRange(c.startsOn(), c.endsOn()))
                    .toList();
            bookables.add(new Bookable(resource.id(), resource.name(), own == null ? clinic : weekly(own), off));
        }
        return bookables;
    }

    static WeeklyHours weekly(List<HoursRow> rows) {
        WeeklyHours.Builder builder = WeeklyHours.builder();
        rows.forEach(r -> builder.add(r.weekday(), r.opens(), r.closes()));
        return builder.build();
    }

    static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    static boolean isExclusionViolation(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

}
