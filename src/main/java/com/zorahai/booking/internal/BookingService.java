package com.zorahai.booking.internal;

import com.zorahai.booking.Appointment;
import com.zorahai.booking.AppointmentBooked;
import com.zorahai.booking.AppointmentCancelled;
import com.zorahai.booking.AppointmentId;
import com.zorahai.booking.AppointmentNoShow;
import com.zorahai.booking.AppointmentRescheduled;
import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.BookableService;
import com.zorahai.booking.Channel;
import com.zorahai.booking.NewAppointment;
import com.zorahai.booking.Slot;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of booking, whichever system holds the tenant's calendar: checking requests, booking once per
 * idempotency key, the life of an appointment (cancel, reschedule, no-show, complete), the events each step
 * publishes, the CRM timeline and the waitlist offers of freed slots.
 */
@Service
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final int MAX_UPCOMING = 20;

    private final BookingTenants tenants;
    private final BookingProviders providers;
    private final AppointmentStore appointments;
    private final ClientLink clients;
    private final Waitlist waitlist;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    BookingService(BookingTenants tenants, BookingProviders providers, AppointmentStore appointments,
            ClientLink clients, Waitlist waitlist, BookingProperties properties, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.providers = providers;
        this.appointments = appointments;
        this.clients = clients;
        this.waitlist = waitlist;
        this.properties = properties;
        this.events = events;
    }

    /** Free slots of a service, and the time zone they are in. */
    public record Availability(BookableService service, ZoneId timeZone, LocalDate from, LocalDate to,
            List<Slot> slots) {
    }

    /** An appointment a booking answered, and whether the booking created it (false: an idempotent replay). */
    public record Booked(Appointment appointment, boolean created) {
    }

    /** Filters of the appointment list; null matches everything. */
    public record AppointmentQuery(LocalDate from, LocalDate to, String status, String phone, String clientId,
            Integer page, Integer size, String sort) {
    }

    /** Whether the tenant's calendar is the built-in one. */
    public boolean usesBuiltinCalendar(TenantId tenant) {
        return !tenants.resolve(tenant).usesApi();
    }

    public ZoneId zone(TenantId tenant) {
        return tenants.resolve(tenant).zone();
    }

    public List<BookableService> services(TenantId tenantId) {
        BookingTenant tenant = tenants.resolve(tenantId);
        return providers.of(tenant).services(tenant);
    }

    /** The service, active or not; 404 {@code service-not-found}. */
    public BookableService service(TenantId tenantId, String serviceId) {
        BookingTenant tenant = tenants.resolve(tenantId);
        return providers.of(tenant).service(tenant, serviceId)
                .orElseThrow(() -> BookingProblems.serviceNotFound(serviceId));
    }

    /**
     * Free slots of the service on the days {@code from} to {@code to} (inclusive, tenant time zone; {@code to}
     * defaults to {@code from}). Not in a transaction: with the clinic's API it waits on a remote call.
     */
    public Availability availability(TenantId tenantId, String serviceId, LocalDate from, LocalDate to,
            String resourceId) {
        BookingTenant tenant = tenants.resolve(tenantId);
        FieldErrors errors = new FieldErrors();
        if (serviceId == null || serviceId.isBlank()) {
            errors.add("service_id", "is required");
        }
        LocalDate today = LocalDate.now(clock.withZone(tenant.zone()));
        LocalDate first = from == null ? today : from;
        LocalDate last = to == null ? first : to;
        if (last.isBefore(first)) {
            errors.add("to", "must not be before from");
        } else if (ChronoUnit.DAYS.between(first, last) >= properties.calendar().maxRangeDays()) {
            errors.add("to", "must be less than " + properties.calendar().maxRangeDays() + " days after from");
        }
        errors.throwIfAny();
        BookingProvider provider = providers.of(tenant);
        BookableService service = provider.service(tenant, serviceId.strip())
                .filter(BookableService::active)
                .orElseThrow(() -> ProblemException.invalidField("service_id", "is not a service of this clinic"));
        String resource = resourceId == null || resourceId.isBlank() ? null : resourceId.strip();
        List<Slot> slots = last.isBefore(today)
                ? List.of()
                : provider.availability(tenant, service, first.isBefore(today) ? today : first, last, resource,
                        clock.instant());
        return new Availability(service, tenant.zone(), first, last, slots);
    }

    /**
     * Books an appointment: 400 naming each invalid field, 422 {@code slot-in-past} / {@code outside-working-hours},
     * 409 {@code slot-taken} when the slot was taken meanwhile, 409 {@code idempotency-key-reused} when the key was
     * used for a different booking. A repeated key answers the first appointment, not created again.
     */
    @Transactional
    public Booked book(TenantId tenantId, NewAppointment request) {
        BookingTenant tenant = tenants.resolve(tenantId);
        Instant now = clock.instant();
        NewAppointment checked = check(tenant, request, now);
        if (checked.idempotencyKey() != null) {
            var earlier = appointments.findByKey(tenantId, checked.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(tenant, earlier.get(), checked);
            }
        }
        BookingProvider provider = providers.of(tenant);
        BookableService service = provider.service(tenant, checked.serviceId())
                .filter(BookableService::active)
                .orElseThrow(() -> ProblemException.invalidField("service_id", "is not a service of this clinic"));
        ClientId client = clients.resolve(tenantId, checked.clientId(), checked.customerPhone(),
                checked.customerName(), checked.channel());
        NewAppointment linked = new NewAppointment(service.id(), checked.start(), checked.resourceId(),
                checked.customerName(), checked.customerPhone(), client, checked.gender(), checked.channel(),
                checked.language(), checked.notes(), checked.idempotencyKey());
        BookingProvider.Placed placed = provider.book(tenant, service, linked, now);
        if (!placed.created()) {
            return replay(tenant, placed.row(), checked);
        }
        AppointmentRow row = placed.row();
        ZonedDateTime start = row.startAt().atZone(tenant.zone());
        events.publishEvent(new AppointmentBooked(tenantId, row.appointmentId(), row.serviceRef(), row.serviceName(),
                row.startAt(), start.toLocalDateTime(), tenant.zone(), row.resourceName(), row.customerName(),
                row.customerPhone(), row.clientId(), row.channel(), row.language()));
        clients.record(tenantId, row.clientId(), "Appointment booked: " + row.serviceName() + ", " + when(start),
                row.id().toString(), "appointment-booked:" + row.id(), now, properties(row, start));
        waitlist.booked(tenantId, row.customerPhone(), row.serviceRef(), now);
        log.info("Booked appointment {} for tenant {} ({})", row.id(), tenantId, provider.name());
        return new Booked(row.view(tenant.zone()), true);
    }

    private Booked replay(BookingTenant tenant, AppointmentRow earlier, NewAppointment request) {
        if (!earlier.sameBookingAs(request.serviceId(), request.start())) {
            throw BookingProblems.keyReused();
        }
        return new Booked(earlier.view(tenant.zone()), false);
    }

    @Transactional(readOnly = true)
    public Appointment get(TenantId tenantId, AppointmentId id) {
        BookingTenant tenant = tenants.resolve(tenantId);
        return appointments.find(tenantId, id).map(r -> r.view(tenant.zone()))
                .orElseThrow(() -> BookingProblems.appointmentNotFound(id));
    }

    /**
     * Cancels a booked appointment that has not started (cancelling it again changes nothing); the slot is offered
     * to the waitlist.
     */
    @Transactional
    public Appointment cancel(TenantId tenantId, AppointmentId id, String reason) {
        BookingTenant tenant = tenants.resolve(tenantId);
        FieldErrors errors = new FieldErrors();
        String why = Inputs.text(errors, "reason", reason, 500);
        errors.throwIfAny();
        AppointmentRow row = lock(tenantId, id);
        if (row.status() == AppointmentStatus.CANCELLED) {
            return row.view(tenant.zone());
        }
        Instant now = clock.instant();
        requireBooked(row);
        if (!row.startAt().isAfter(now)) {
            throw BookingProblems.alreadyStarted(id);
        }
        BookingProvider provider = providers(tenant, row);
        provider.cancel(tenant, row, why);
        appointments.cancel(row, why, now);
        ZonedDateTime start = row.startAt().atZone(tenant.zone());
        events.publishEvent(new AppointmentCancelled(tenantId, id, row.serviceName(), row.startAt(),
                start.toLocalDateTime(), tenant.zone(), row.customerPhone(), row.clientId(), why));
        clients.record(tenantId, row.clientId(), "Appointment cancelled: " + row.serviceName() + ", " + when(start),
                id.toString(), "appointment-cancelled:" + id, now, properties(row, start));
        waitlist.offerFreed(tenant, provider, row, row.startAt(), now);
        return reread(tenant, id);
    }

    /**
     * Moves a booked appointment that has not started to {@code start} (on {@code resourceId} when given, else on
     * the same resource when free, else any); the old time is offered to the waitlist.
     */
    @Transactional
    public Appointment reschedule(TenantId tenantId, AppointmentId id, Instant start, String resourceId) {
        BookingTenant tenant = tenants.resolve(tenantId);
        Instant now = clock.instant();
        if (start == null) {
            throw ProblemException.invalidField("start", "is required");
        }
        checkStart(start, now);
        AppointmentRow row = lock(tenantId, id);
        requireBooked(row);
        if (!row.startAt().isAfter(now)) {
            throw BookingProblems.alreadyStarted(id);
        }
        String resource = resourceId == null || resourceId.isBlank() ? null : resourceId.strip();
        if (start.equals(row.startAt()) && (resource == null || resource.equals(row.resourceRef()))) {
            return row.view(tenant.zone());
        }
        BookingProvider provider = providers(tenant, row);
        AppointmentRow moved = provider.reschedule(tenant, row, start, resource, now);
        ZonedDateTime before = row.startAt().atZone(tenant.zone());
        ZonedDateTime after = moved.startAt().atZone(tenant.zone());
        events.publishEvent(new AppointmentRescheduled(tenantId, id, row.serviceName(), row.startAt(),
                before.toLocalDateTime(), moved.startAt(), after.toLocalDateTime(), tenant.zone(),
                moved.resourceName(), row.customerPhone(), row.clientId()));
        clients.record(tenantId, row.clientId(), "Appointment moved: " + row.serviceName() + ", from " + when(before)
                + " to " + when(after), id.toString(), "appointment-rescheduled:" + id + ":" + moved.updatedAt(), now,
                properties(moved, after));
        waitlist.offerFreed(tenant, provider, row, row.startAt(), now);
        return moved.view(tenant.zone());
    }

    /** Marks a booked appointment that has begun as a no-show; what is left of its time goes to the waitlist. */
    @Transactional
    public Appointment markNoShow(TenantId tenantId, AppointmentId id) {
        BookingTenant tenant = tenants.resolve(tenantId);
        AppointmentRow row = lock(tenantId, id);
        if (row.status() == AppointmentStatus.NO_SHOW) {
            return row.view(tenant.zone());
        }
        requireBooked(row);
        Instant now = clock.instant();
        if (row.startAt().isAfter(now)) {
            throw BookingProblems.notStarted(id);
        }
        appointments.markNoShow(row, now);
        ZonedDateTime start = row.startAt().atZone(tenant.zone());
        events.publishEvent(new AppointmentNoShow(tenantId, id, row.serviceName(), row.startAt(),
                start.toLocalDateTime(), tenant.zone(), row.customerPhone(), row.clientId()));
        clients.record(tenantId, row.clientId(), "Did not come to the appointment: " + row.serviceName() + ", "
                + when(start), id.toString(), "appointment-no-show:" + id, now, properties(row, start));
        waitlist.offerFreed(tenant, providers(tenant, row), row, now, now);
        return reread(tenant, id);
    }

    /** Marks a booked appointment that has begun as completed. */
    @Transactional
    public Appointment complete(TenantId tenantId, AppointmentId id) {
        BookingTenant tenant = tenants.resolve(tenantId);
        AppointmentRow row = lock(tenantId, id);
        if (row.status() == AppointmentStatus.COMPLETED) {
            return row.view(tenant.zone());
        }
        requireBooked(row);
        Instant now = clock.instant();
        if (row.startAt().isAfter(now)) {
            throw BookingProblems.notStarted(id);
        }
        appointments.markCompleted(row, now);
        return reread(tenant, id);
    }

    /** Booked appointments of this phone that are not over, soonest first; none for an invalid phone. */
    @Transactional(readOnly = true)
    public List<Appointment> upcomingFor(TenantId tenantId, String phone) {
        BookingTenant tenant = tenants.resolve(tenantId);
        return Phones.e164(phone, tenant.region())
                .map(e164 -> appointments.upcoming(tenantId, e164, clock.instant(), MAX_UPCOMING).stream()
                        .map(r -> r.view(tenant.zone()))
                        .toList())
                .orElse(List.of());
    }

    /** A page of appointments: dates are days in the tenant's zone (inclusive), sorted by start. */
    @Transactional(readOnly = true)
    public Page<Appointment> search(TenantId tenantId, AppointmentQuery query) {
        BookingTenant tenant = tenants.resolve(tenantId);
        FieldErrors errors = new FieldErrors();
        int[] paging = Inputs.paging(errors, query.page(), query.size(), properties.maxPageSize());
        AppointmentStatus status = null;
        if (query.status() != null && !query.status().isBlank()) {
            status = AppointmentStatus.find(query.status()).orElse(null);
            if (status == null) {
                errors.add("status", "must be booked, cancelled, completed or no_show");
            }
        }
        String phone = null;
        if (query.phone() != null && !query.phone().isBlank()) {
            phone = Phones.e164(query.phone(), tenant.region()).orElse(null);
            if (phone == null) {
                errors.add("phone", "must be a valid phone number in E.164 format");
            }
        }
        ClientId client = null;
        if (query.clientId() != null && !query.clientId().isBlank()) {
            try {
                client = ClientId.parse(query.clientId(), "client_id");
            } catch (ProblemException ex) {
                errors.add("client_id", "must be a UUID");
            }
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            errors.add("to", "must not be before from");
        }
        boolean descending = false;
        if (query.sort() != null && !query.sort().isBlank()) {
            String sort = query.sort().strip().toLowerCase(Locale.ROOT);
            if (!sort.matches("start(,(asc|desc))?")) {
                errors.add("sort", "must be start, start,asc or start,desc");
            }
            descending = sort.endsWith(",desc");
        }
        errors.throwIfAny();
        Instant from = query.from() == null ? null : query.from().atStartOfDay(tenant.zone()).toInstant();
        Instant to = query.to() == null ? null : query.to().plusDays(1).atStartOfDay(tenant.zone()).toInstant();
        return appointments.search(tenantId, new AppointmentStore.Search(from, to, status, phone, client, descending,
                paging[0], paging[1])).map(r -> r.view(tenant.zone()));
    }

    private NewAppointment check(BookingTenant tenant, NewAppointment request, Instant now) {
        FieldErrors errors = new FieldErrors();
        String serviceId = Inputs.text(errors, "service_id", request.serviceId(), 200);
        if (serviceId == null && !errors.has("service_id")) {
            errors.add("service_id", "is required");
        }
        if (request.start() == null) {
            errors.add("start", "is required");
        }
        String resourceId = Inputs.text(errors, "resource_id", request.resourceId(), 200);
        String name = Inputs.text(errors, "customer_name", request.customerName(), 200);
        if (name == null && !errors.has("customer_name")) {
            errors.add("customer_name", "is required");
        }
        String phone = null;
        if (request.customerPhone() != null && !request.customerPhone().isBlank()) {
            phone = Phones.e164(request.customerPhone(), tenant.region()).orElse(null);
            if (phone == null) {
                errors.add("customer_phone", "must be a valid phone number in E.164 format, e.g. +9613123456");
            }
        }
        String language = Inputs.text(errors, "language", request.language(), 16);
        if (language != null && !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            errors.add("language", "must be a language tag such as en or ar");
        }
        String notes = Inputs.text(errors, "notes", request.notes(), 2000);
        String key = Inputs.text(errors, "idempotency_key", request.idempotencyKey(), 200);
        errors.throwIfAny();
        Instant start = request.start().truncatedTo(ChronoUnit.SECONDS);
        checkStart(start, now);
        return new NewAppointment(serviceId, start, resourceId, name, phone, request.clientId(), request.gender(),
                request.channel() == null ? Channel.STAFF : request.channel(), language, notes, key);
    }

    private void checkStart(Instant start, Instant now) {
        if (!start.isAfter(now)) {
            throw BookingProblems.inPast();
        }
        if (start.isAfter(now.plus(properties.calendar().maxAdvance()))) {
            throw BookingProblems.tooFarAhead(properties.calendar().maxAdvance().toDays());
        }
    }

    private AppointmentRow lock(TenantId tenant, AppointmentId id) {
        return appointments.lock(tenant, id).orElseThrow(() -> BookingProblems.appointmentNotFound(id));
    }

    private Appointment reread(BookingTenant tenant, AppointmentId id) {
        return appointments.find(tenant.id(), id).orElseThrow().view(tenant.zone());
    }

    /** The provider holding this appointment (the one it was booked with, even if the tenant switched since). */
    private BookingProvider providers(BookingTenant tenant, AppointmentRow row) {
        if (row.provider().equals(BookingTenant.API) && !tenant.usesApi()) {
            throw ProblemException.of(org.springframework.http.HttpStatus.CONFLICT, "booking-provider-changed",
                    "Booking system changed", "This appointment was made in the clinic's own booking system, which"
                            + " is no longer configured.");
        }
        return providers.of(tenant).name().equals(row.provider())
                ? providers.of(tenant)
                : providers.of(new BookingTenant(tenant.id(), tenant.zone(), tenant.locale(), tenant.currency(),
                        BookingTenant.BUILTIN, null, null));
    }

    private static void requireBooked(AppointmentRow row) {
        if (row.status() != AppointmentStatus.BOOKED) {
            throw BookingProblems.notBooked(row.appointmentId(), row.status());
        }
    }

    static String when(ZonedDateTime time) {
        return WHEN.format(time) + " (" + time.getZone().getId() + ")";
    }

    private static Map<String, Object> properties(AppointmentRow row, ZonedDateTime start) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("service", row.serviceName());
        properties.put("start", start.toOffsetDateTime().toString());
        if (row.resourceName() != null) {
            properties.put("resource", row.resourceName());
        }
        properties.put("channel", row.channel().value());
        return properties;
    }
}
