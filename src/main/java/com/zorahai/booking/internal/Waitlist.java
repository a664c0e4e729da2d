package com.zorahai.booking.internal;

import com.zorahai.booking.BookableService;
import com.zorahai.booking.Channel;
import com.zorahai.booking.Slot;
import com.zorahai.booking.WaitlistEntry;
import com.zorahai.booking.WaitlistRequest;
import com.zorahai.booking.WaitlistSlotOffered;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist: people who want a service between two dates. When a booked slot frees (cancellation, reschedule,
 * no-show), the oldest waiting entry whose service fits into the freed time is offered it through
 * {@link WaitlistSlotOffered}; a later booking of that service by the same phone marks the entry booked.
 */
@Service
public class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
    private static final int MAX_CANDIDATES = 50;
    private static final int MAX_DAYS = 366;

    private final WaitlistStore store;
    private final BookingTenants tenants;
    private final BookingProviders providers;
    private final ClientLink clients;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Waitlist(WaitlistStore store, BookingTenants tenants, BookingProviders providers, ClientLink clients,
            BookingProperties properties, ApplicationEventPublisher events) {
        this.store = store;
        this.tenants = tenants;
        this.providers = providers;
        this.clients = clients;
        this.properties = properties;
        this.events = events;
    }

    /** Adds someone to the waitlist; 400 naming each invalid field. */
    @Transactional
    public WaitlistEntry join(TenantId tenantId, WaitlistRequest request) {
        BookingTenant tenant = tenants.resolve(tenantId);
        FieldErrors errors = new FieldErrors();
        String serviceId = Inputs.text(errors, "service_id", request.serviceId(), 200);
        if (serviceId == null && !errors.has("service_id")) {
            errors.add("service_id", "is required");
        }
        String name = Inputs.text(errors, "customer_name", request.customerName(), 200);
        String phone = null;
        if (request.customerPhone() == null || request.customerPhone().isBlank()) {
            errors.add("customer_phone", "is required");
        } else {
            phone = Phones.e164(request.customerPhone(), tenant.region()).orElse(null);
            if (phone == null) {
                errors.add("customer_phone", "must be a valid phone number in E.164 format, e.g. +9613123456");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(tenant.zone()));
        LocalDate earliest = request.earliest() == null ? today : request.earliest();
        LocalDate latest = request.latest();
        if (latest == null) {
            errors.add("latest", "is required");
        } else if (latest.isBefore(earliest)) {
            errors.add("latest", "must not be before earliest");
        } else if (latest.isBefore(today)) {
            errors.add("latest", "must not be in the past");
        } else if (latest.isAfter(today.plusDays(MAX_DAYS))) {
            errors.add("latest", "must be within a year");
        }
        String language = Inputs.text(errors, "language", request.language(), 16);
        String notes = Inputs.text(errors, "notes", request.notes(), 2000);
        errors.throwIfAny();
        BookableService service = providers.of(tenant).service(tenant, serviceId)
                .filter(BookableService::active)
                .orElseThrow(() -> com.zorahai.platform.ProblemException.invalidField("service_id",
                        "is not a service of this clinic"));
        Channel channel = request.channel() == null ? Channel.STAFF : request.channel();
        ClientId client = clients.resolve(tenantId, request.clientId(), phone, name, channel);
        Instant now = clock.instant();
        WaitlistRow row = new WaitlistRow(UUID.randomUUID(), tenantId, service.id(), service.name(), name, phone,
                client, earliest.isBefore(today) ? today : earliest, latest, channel, language, notes,
                WaitlistRow.WAITING, null, null, null, null, now, now);
        store.insert(row);
        return row.view(tenant.zone());
    }

    @Transactional(readOnly = true)
    public WaitlistEntry get(TenantId tenantId, UUID id) {
        BookingTenant tenant = tenants.resolve(tenantId);
        return store.find(tenantId, id).map(r -> r.view(tenant.zone()))
                .orElseThrow(() -> BookingProblems.waitlistEntryNotFound(id));
    }

    @Transactional(readOnly = true)
    public Page<WaitlistEntry> page(TenantId tenantId, String status, Integer page, Integer size) {
        FieldErrors errors = new FieldErrors();
        int[] paging = Inputs.paging(errors, page, size, properties.maxPageSize());
        String filter = status == null || status.isBlank() ? null : status.strip().toLowerCase(java.util.Locale.ROOT);
        if (filter != null && !filter.matches("waiting|offered|booked|removed")) {
            errors.add("status", "must be waiting, offered, booked or removed");
        }
        errors.throwIfAny();
        BookingTenant tenant = tenants.resolve(tenantId);
        return store.page(tenantId, filter, paging[0], paging[1]).map(r -> r.view(tenant.zone()));
    }

    @Transactional
    public void remove(TenantId tenantId, UUID id) {
        if (!store.remove(tenantId, id, clock.instant())) {
            throw BookingProblems.waitlistEntryNotFound(id);
        }
    }

    /** After a booking: the customer's waitlist entries for that service are done. */
    void booked(TenantId tenant, String phone, String serviceRef, Instant now) {
        if (phone != null) {
            store.markBooked(tenant, phone, serviceRef, now);
        }
    }

    /**
     * Offers the time {@code freed} no longer uses, from {@code from} to its end, to the first waiting entry whose
     * service fits there. Returns whether an offer was made.
     */
    boolean offerFreed(BookingTenant tenant, BookingProvider provider, AppointmentRow freed, Instant from,
            Instant now) {
        Instant start = alignedStart(freed.startAt(), from, now, properties.calendar().slotStep());
        if (!start.isBefore(freed.endAt())) {
            return false;
        }
        LocalDate day = start.atZone(tenant.zone()).toLocalDate();
        for (WaitlistRow entry : store.waitingOn(tenant.id(), day, MAX_CANDIDATES)) {
            Optional<Slot> slot;
            try {
                slot = provider.fitInto(tenant, freed, entry.serviceRef(), start, freed.endAt());
            } catch (RuntimeException ex) {
                // the clinic's API may be down: the freed slot is simply not offered
                log.warn("Could not match the waitlist of tenant {}: {}", tenant.id(), ex.getClass().getSimpleName());
                return false;
            }
            if (slot.isEmpty()) {
                continue;
            }
            Slot offer = slot.get();
            store.markOffered(entry, offer.start().toInstant(), offer.end().toInstant(), offer.resourceId(), now);
            events.publishEvent(new WaitlistSlotOffered(tenant.id(), entry.id(), entry.customerName(),
                    entry.customerPhone(), entry.serviceRef(), entry.serviceName(), offer.start().toInstant(),
                    offer.start().toLocalDateTime(), offer.end().toInstant(), tenant.zone(), offer.resourceId(),
                    offer.resourceName(), entry.language() != null ? entry.language() : tenant.language()));
            log.info("Offered a freed slot of tenant {} to waitlist entry {}", tenant.id(), entry.id());
            return true;
        }
        return false;
    }

    /**
     * The first start worth offering: {@code from}, and not in the past, on the slot-step grid counted from the
     * appointment's start (a time already begun is offered from the next step).
     */
    static Instant alignedStart(Instant appointmentStart, Instant from, Instant now, Duration step) {
        Instant earliest = from.isAfter(now) ? from : now;
        if (!earliest.isAfter(appointmentStart)) {
            return appointmentStart;
        }
        long stepSeconds = step.toSeconds();
        long elapsed = Duration.between(appointmentStart, earliest).toSeconds();
        long steps = (elapsed + stepSeconds - 1) / stepSeconds;
        return appointmentStart.plusSeconds(steps * stepSeconds);
    }
}
