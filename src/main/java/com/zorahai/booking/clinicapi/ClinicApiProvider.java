package com.zorahai.booking.clinicapi;

import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.BookableService;
import com.zorahai.booking.Gender;
import com.zorahai.booking.NewAppointment;
import com.zorahai.booking.Slot;
import com.zorahai.booking.clinicapi.ClinicApiClient.AppointmentJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.CancelJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.CreateJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.CustomerJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.MoneyJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.RescheduleJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.Response;
import com.zorahai.booking.clinicapi.ClinicApiClient.ServiceJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.ServicesJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.SlotJson;
import com.zorahai.booking.clinicapi.ClinicApiClient.SlotsJson;
import com.zorahai.booking.internal.AppointmentRow;
import com.zorahai.booking.internal.AppointmentStore;
import com.zorahai.booking.internal.BookingProblems;
import com.zorahai.booking.internal.BookingProvider;
import com.zorahai.booking.internal.BookingTenant;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;

/**
 * A clinic's own booking system through its REST API. The clinic's system decides what is free; each appointment it
 * confirms is mirrored into {@code booking_appointments} (provider {@code api}) so reminders, no-shows, the waitlist
 * and erasure work as with the built-in calendar.
 * <p>
 * Answers map to problems: 409 {@code slot_taken} to 409 {@code slot-taken}, 422 {@code outside_hours} to 422
 * {@code outside-working-hours}, 401/403 to 502 {@code booking-provider-auth-failed}, and 5xx, other errors, timeouts
 * and network failures to 502 {@code booking-provider-unavailable}; no detail ever carries the token or the clinic's
 * response. Reads and creates (which carry an {@code Idempotency-Key}) are tried again on 5xx and network failures;
 * a circuit breaker per tenant ({@code clinic-api-<tenant>}) stops calling a clinic that keeps failing.
 */
public class ClinicApiProvider implements BookingProvider {

    private static final Logger log = LoggerFactory.getLogger(ClinicApiProvider.class);

    /** The breaker configuration name; one breaker per tenant, {@code clinic-api-<tenant>}. */
    public static final String BREAKER = "clinic-api";

    static final CircuitBreakerConfig DEFAULT_BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(2)
            .build();

    private final ClinicApiClient client;
    private final AppointmentStore appointments;
    private final ClinicApiProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreakerConfig breakerConfig;
    private final Clock clock;
    private final Map<TenantId, CachedServices> services = new ConcurrentHashMap<>();

    private record CachedServices(String baseUrl, Instant fetchedAt, List<BookableService> services) {
    }

    ClinicApiProvider(ClinicApiClient client, AppointmentStore appointments, ClinicApiProperties properties,
            CircuitBreakerRegistry breakers, Clock clock) {
        this.client = client;
        this.appointments = appointments;
        this.properties = properties;
        this.breakers = breakers;
        this.breakerConfig = breakers.getConfiguration(BREAKER).orElse(DEFAULT_BREAKER);
        this.clock = clock;
    }

    @Override
    public String name() {
        return BookingTenant.API;
    }

    @Override
    public List<BookableService> services(BookingTenant tenant) {
        return allServices(tenant).stream().filter(BookableService::active).toList();
    }

    @Override
    public Optional<BookableService> service(BookingTenant tenant, String serviceId) {
        return allServices(tenant).stream().filter(s -> s.id().equals(serviceId)).findFirst();
    }

    private List<BookableService> allServices(BookingTenant tenant) {
        Instant now = clock.instant();
        CachedServices cached = services.get(tenant.id());
        if (cached != null && cached.baseUrl().equals(tenant.apiBaseUrl())
                && cached.fetchedAt().plus(properties.servicesCacheTtl()).isAfter(now)) {
            return cached.services();
        }
        Response response = call(tenant, "services", true, () -> client.get(tenant, List.of("services"), q -> {
        }));
        ServicesJson body = parse(response, ServicesJson.class, "services");
        List<BookableService> list = new ArrayList<>();
        for (ServiceJson json : body.services() == null ? List.<ServiceJson>of() : body.services()) {
            toService(json, tenant.currency()).ifPresent(list::add);
        }
        services.put(tenant.id(), new CachedServices(tenant.apiBaseUrl(), now, List.copyOf(list)));
        return list;
    }

    @Override
    public List<Slot> availability(BookingTenant tenant, BookableService service, LocalDate from, LocalDate to,
            String resourceId, Instant now) {
        Response response = call(tenant, "availability", true, () -> client.get(tenant, List.of("availability"),
                q -> {
                    q.queryParam("service_id", service.id()).queryParam("from", from).queryParam("to", to);
                    if (resourceId != null) {
                        q.queryParam("staff_id", resourceId);
                    }
                }));
        SlotsJson body = parse(response, SlotsJson.class, "availability");
        List<Slot> slots = new ArrayList<>();
        for (SlotJson slot : body.slots() == null ? List.<SlotJson>of() : body.slots()) {
            Instant start = instant(slot.start());
            if (start == null || !start.isAfter(now)) {
                continue;
            }
            Instant end = Optional.ofNullable(instant(slot.end())).orElse(start.plus(service.duration()));
            slots.add(new Slot(start.atZone(tenant.zone()), end.atZone(tenant.zone()), slot.staffId(),
                    slot.staffName()));
        }
        slots.sort((a, b) -> a.start().toInstant().compareTo(b.start().toInstant()));
        return slots;
    }

    @Override
    public Placed book(BookingTenant tenant, BookableService service, NewAppointment request, Instant now) {
        String key = request.idempotencyKey() != null ? request.idempotencyKey() : "zorah-" + UUID.randomUUID();
        CreateJson body = new CreateJson(service.id(), request.start().atZone(tenant.zone()).toOffsetDateTime()
                .toString(), request.resourceId(), new CustomerJson(request.customerName(), request.customerPhone()),
                request.gender() == null ? null : request.gender().value(), request.channel().value(),
                request.notes());
        Response response = call(tenant, "create", true, () -> client.post(tenant, List.of("appointments"), body,
                key));
        AppointmentJson created = parse(response, AppointmentJson.class, "create");
        Instant start = Optional.ofNullable(instant(created.start())).orElse(request.start());
        Instant end = Optional.ofNullable(instant(created.end())).orElse(start.plus(service.duration()));
        Money price = money(created.price(), tenant.currency()).orElse(service.priceFor(request.gender()));
        AppointmentRow row = new AppointmentRow(UUID.randomUUID(), tenant.id(), BookingTenant.API,
                required(created.id(), "create"), null, service.id(), service.name(), null, created.staffId(),
                created.staffName(), start, end, AppointmentStatus.BOOKED, request.customerName(),
                request.customerPhone(), request.clientId(), request.gender(), request.channel(), request.language(),
                request.notes(), price.rounded().amount(), price.currency().getCurrencyCode(), key, null, null, now,
                now);
        if (appointments.insertIfFree(row)) {
            return new Placed(row, true);
        }
        // a concurrent request with the same key stored it first
        return appointments.findByKey(tenant.id(), key)
                .map(earlier -> new Placed(earlier, false))
                .orElseThrow(() -> new IllegalStateException("Appointment mirror not stored and not found"));
    }

    @Override
    public void cancel(BookingTenant tenant, AppointmentRow appointment, String reason) {
        Response response = call(tenant, "cancel", false, () -> client.post(tenant,
                List.of("appointments", appointment.externalId(), "cancel"), new CancelJson(reason), null));
        check(response, "cancel");
    }

    @Override
    public AppointmentRow reschedule(BookingTenant tenant, AppointmentRow appointment, Instant start,
            String resourceId, Instant now) {
        RescheduleJson body = new RescheduleJson(start.atZone(tenant.zone()).toOffsetDateTime().toString(),
                resourceId);
        Response response = call(tenant, "reschedule", false, () -> client.post(tenant,
                List.of("appointments", appointment.externalId(), "reschedule"), body, null));
        AppointmentJson moved = parse(response, AppointmentJson.class, "reschedule");
        Instant newStart = Optional.ofNullable(instant(moved.start())).orElse(start);
        Instant newEnd = Optional.ofNullable(instant(moved.end()))
                .orElse(newStart.plus(Duration.between(appointment.startAt(), appointment.endAt())));
        appointments.move(appointment, newStart, newEnd, null,
                moved.staffId() != null ? moved.staffId() : appointment.resourceRef(),
                moved.staffName() != null ? moved.staffName() : appointment.resourceName(),
                moved.id() != null ? moved.id() : appointment.externalId(), now);
        return appointments.find(tenant.id(), appointment.appointmentId()).orElseThrow();
    }

    /** The same service only: the clinic's API does not tell which other services the freed staff could do. */
    @Override
    public Optional<Slot> fitInto(BookingTenant tenant, AppointmentRow freed, String serviceId, Instant from,
            Instant to) {
        Instant end = from.plus(Duration.between(freed.startAt(), freed.endAt()));
        if (!serviceId.equals(freed.serviceRef()) || end.isAfter(to)) {
            return Optional.empty();
        }
        return Optional.of(new Slot(from.atZone(tenant.zone()), end.atZone(tenant.zone()), freed.resourceRef(),
                freed.resourceName()));
    }

    /** Runs the call through the tenant's breaker, trying again when it is safe and worth it. */
    private Response call(BookingTenant tenant, String operation, boolean repeatable, Supplier<Response> call) {
        CircuitBreaker breaker = breakers.circuitBreaker(BREAKER + "-" + tenant.id().value(), breakerConfig);
        int attempts = repeatable ? properties.maxAttempts() : 1;
        for (int attempt = 1;; attempt++) {
            if (!breaker.tryAcquirePermission()) {
                throw BookingProblems.providerUnavailable("The clinic's booking system keeps failing; calls are"
                        + " paused for a moment. Try again shortly.");
            }
            long start = System.nanoTime();
            boolean retry;
            try {
                Response response = call.get();
                long took = System.nanoTime() - start;
                if (response.status() >= 500 || response.status() == 401 || response.status() == 403) {
                    breaker.onError(took, TimeUnit.NANOSECONDS, new ClinicApiFailure(response.status(),
                            operation + " answered " + response.status()));
                } else {
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                }
                retry = response.status() >= 500 && attempt < attempts;
                if (!retry) {
                    if (!response.ok()) {
                        log.warn("Clinic API {} for tenant {} answered {}", operation, tenant.id(),
                                response.status());
                    }
                    return response;
                }
            } catch (ResourceAccessException ex) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
                log.warn("Clinic API {} for tenant {} not reachable (attempt {}): {}", operation, tenant.id(),
                        attempt, ex.getClass().getSimpleName());
                if (attempt >= attempts) {
                    throw BookingProblems.providerUnavailable("The clinic's booking system did not answer in time.");
                }
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.retryBackoff().toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw BookingProblems.providerUnavailable("The call to the clinic's booking system was interrupted.");
        }
    }

    private static <T> T parse(Response response, Class<T> type, String operation) {
        check(response, operation);
        try {
            T value = response.read(type);
            if (value == null) {
                throw new IllegalArgumentException("empty body");
            }
            return value;
        } catch (RuntimeException ex) {
            log.warn("Clinic API {} answered a body that is not the expected JSON", operation);
            throw BookingProblems.providerUnavailable("The clinic's booking system answered something unexpected.");
        }
    }

    /** A problem for every answer that is not a success. */
    private static void check(Response response, String operation) {
        int status = response.status();
        if (response.ok()) {
            return;
        }
        String error = response.error();
        if (status == 401 || status == 403) {
            throw BookingProblems.providerAuthFailed(status);
        }
        if (status == 409 && (error == null || error.equals("slot_taken"))) {
            throw BookingProblems.slotTaken();
        }
        if (status == 422 && (error == null || error.equals("outside_hours"))) {
            throw BookingProblems.outsideHours("The clinic does not work then.");
        }
        if (status == 409 || status == 422) {
            throw ProblemException.of(HttpStatus.valueOf(status), "booking-provider-refused",
                    "Booking system refused", "The clinic's booking system refused the " + operation + " ("
                            + status + ").");
        }
        if (status == 404 && !operation.equals("services") && !operation.equals("availability")) {
            throw BookingProblems.providerUnavailable("The clinic's booking system does not know this appointment.");
        }
        throw BookingProblems.providerUnavailable("The clinic's booking system failed (" + status + ").");
    }

    private static Optional<BookableService> toService(ServiceJson json, Currency fallback) {
        if (json.id() == null || json.name() == null || json.durationMinutes() == null || json.durationMinutes() < 1
                || json.price() == null) {
            log.warn("Clinic API listed a service without id, name, duration or price; skipped");
            return Optional.empty();
        }
        Optional<Money> price = money(json.price(), fallback);
        if (price.isEmpty()) {
            return Optional.empty();
        }
        Map<Gender, Money> byGender = new EnumMap<>(Gender.class);
        if (json.pricesByGender() != null) {
            json.pricesByGender().forEach((gender, money) -> Gender.find(gender)
                    .ifPresent(g -> money(money, fallback).ifPresent(m -> byGender.put(g, m))));
        }
        return Optional.of(new BookableService(json.id(), json.name(), json.description(), json.durationMinutes(),
                price.get(), byGender, json.active() == null || json.active()));
    }

    private static Optional<Money> money(MoneyJson json, Currency fallback) {
        if (json == null || json.amount() == null) {
            return Optional.empty();
        }
        try {
            Currency currency = json.currency() == null ? fallback : Currency.getInstance(json.currency());
            return Optional.of(Money.of(json.amount(), currency));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static String required(String value, String operation) {
        if (value == null || value.isBlank()) {
            log.warn("Clinic API {} answered without an appointment id", operation);
            throw BookingProblems.providerUnavailable("The clinic's booking system answered something unexpected.");
        }
        return value;
    }
}
