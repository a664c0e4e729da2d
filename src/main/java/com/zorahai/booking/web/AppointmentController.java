package com.zorahai.booking.web;

import com.zorahai.booking.Appointment;
import com.zorahai.booking.AppointmentId;
import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.NewAppointment;
import com.zorahai.booking.internal.BookingService;
import com.zorahai.booking.internal.BookingService.AppointmentQuery;
import com.zorahai.booking.internal.BookingService.Booked;
import com.zorahai.booking.web.BookingJson.AppointmentPatch;
import com.zorahai.booking.web.BookingJson.AppointmentRequest;
import com.zorahai.booking.web.BookingJson.AppointmentResponse;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Appointments: list, book, read, and change (cancel, reschedule, no-show, complete). Every role may.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class AppointmentController {

    static final String APPOINTMENTS = "/api/v1/appointments";

    private final BookingService bookings;
    private final CurrentTenant currentTenant;

    AppointmentController(BookingService bookings, CurrentTenant currentTenant) {
        this.bookings = bookings;
        this.currentTenant = currentTenant;
    }

    /**
     * Appointments overlapping the days {@code from} to {@code to} (clinic's zone, inclusive), by {@code status},
     * {@code phone} or {@code client_id}; sorted by {@code start} ({@code start,desc} for newest first).
     */
    @GetMapping(APPOINTMENTS)
    Page<AppointmentResponse> list(@RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String status,
            @RequestParam(required = false) String phone,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return bookings.search(currentTenant.require(), new AppointmentQuery(from, to, status, phone, clientId, page,
                size, sort)).map(AppointmentResponse::of);
    }

    /**
     * Books: 201 with the appointment, or 200 with the first one when the {@code Idempotency-Key} header (or
     * {@code idempotency_key}) was used before for the same booking.
     */
    @PostMapping(path = APPOINTMENTS, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppointmentResponse> book(@RequestBody AppointmentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String headerKey) {
        TenantId tenant = currentTenant.require();
        ZoneId zone = bookings.zone(tenant);
        FieldErrors errors = new FieldErrors();
        Instant start = Requests.instant(request.start(), zone, "start", errors);
        var gender = Requests.gender(request.gender(), errors);
        var channel = Requests.channel(request.channel(), errors);
        var clientId = Requests.clientId(request.clientId(), errors);
        String key = headerKey != null && !headerKey.isBlank() ? headerKey : request.idempotencyKey();
        if (request.start() == null || request.start().isBlank()) {
            errors.add("start", "is required");
        }
        errors.throwIfAny();
        Booked booked = bookings.book(tenant, new NewAppointment(request.serviceId(), start, request.resourceId(),
                request.customerName(), request.customerPhone(), clientId, gender, channel, request.language(),
                request.notes(), key));
        AppointmentResponse body = AppointmentResponse.of(booked.appointment());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(APPOINTMENTS + "/{id}")
                .buildAndExpand(body.id()).toUri();
        return booked.created()
                ? ResponseEntity.created(location).body(body)
                : ResponseEntity.ok().location(location).body(body);
    }

    @GetMapping(APPOINTMENTS + "/{id}")
    AppointmentResponse get(@PathVariable String id) {
        return AppointmentResponse.of(bookings.get(currentTenant.require(), appointmentId(id)));
    }

    /**
     * {@code {"status": "cancelled", "reason": ...}}, {@code {"status": "no_show"}}, {@code {"status": "completed"}},
     * or a reschedule {@code {"start": ..., "resource_id": ...}}.
     */
    @PatchMapping(path = APPOINTMENTS + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/merge-patch+json"})
    AppointmentResponse change(@PathVariable String id, @RequestBody AppointmentPatch patch) {
        TenantId tenant = currentTenant.require();
        AppointmentId appointmentId = appointmentId(id);
        Appointment current = bookings.get(tenant, appointmentId);
        boolean moving = patch.start() != null || patch.resourceId() != null;
        if (patch.status() != null) {
            if (moving) {
                throw ProblemException.invalidField("status", "cannot change together with start or resource_id");
            }
            AppointmentStatus status = AppointmentStatus.find(patch.status()).orElseThrow(() -> ProblemException
                    .invalidField("status", "must be cancelled, no_show or completed"));
            if (status != AppointmentStatus.CANCELLED && patch.reason() != null) {
                throw ProblemException.invalidField("reason", "goes with status cancelled only");
            }
            Appointment changed = switch (status) {
                case CANCELLED -> bookings.cancel(tenant, appointmentId, patch.reason());
                case NO_SHOW -> bookings.markNoShow(tenant, appointmentId);
                case COMPLETED -> bookings.complete(tenant, appointmentId);
                case BOOKED -> throw ProblemException.invalidField("status", "must be cancelled, no_show or"
                        + " completed");
            };
            return AppointmentResponse.of(changed);
        }
        if (!moving) {
            throw ProblemException.invalidField("status", "is required unless start or resource_id is given");
        }
        if (patch.reason() != null) {
            throw ProblemException.invalidField("reason", "goes with status cancelled only");
        }
        FieldErrors errors = new FieldErrors();
        Instant start = patch.start() == null
                ? current.start().toInstant()
                : Requests.instant(patch.start(), current.start().getZone(), "start", errors);
        errors.throwIfAny();
        return AppointmentResponse.of(bookings.reschedule(tenant, appointmentId, start, patch.resourceId()));
    }

    private static AppointmentId appointmentId(String id) {
        return AppointmentId.parse(id, "id");
    }
}
