package com.zorahai.booking.internal;

import com.zorahai.booking.BookableService;
import com.zorahai.booking.NewAppointment;
import com.zorahai.booking.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a tenant's calendar lives: the built-in calendar ({@value BookingTenant#BUILTIN}) or the clinic's own
 * booking API ({@value BookingTenant#API}). Either way the appointment ends up as a row of
 * {@code booking_appointments}, so everything after booking works the same.
 */
public interface BookingProvider {

    /** {@value BookingTenant#BUILTIN} or {@value BookingTenant#API}. */
    String name();

    /** The active services. */
    List<BookableService> services(BookingTenant tenant);

    /** The service with this id, active or not. */
    Optional<BookableService> service(BookingTenant tenant, String serviceId);

    /** Free slots of the service on the days {@code from} to {@code to} (inclusive, tenant time zone). */
    List<Slot> availability(BookingTenant tenant, BookableService service, LocalDate from, LocalDate to,
            String resourceId, Instant now);

    /**
     * Books the (checked) request and stores the appointment; a 409 {@code slot-taken} when no resource is free. When
     * the request's idempotency key was already used, answers the earlier appointment as not created.
     */
    Placed book(BookingTenant tenant, BookableService service, NewAppointment request, Instant now);

    /** Cancels the appointment where it is held; the caller marks the row. */
    void cancel(BookingTenant tenant, AppointmentRow appointment, String reason);

    /** Moves the appointment and stores the change; answers the changed row. */
    AppointmentRow reschedule(BookingTenant tenant, AppointmentRow appointment, Instant start, String resourceId,
            Instant now);

    /**
     * Where a waitlisted service would fit into time {@code freed}'s resource no longer uses, between {@code from}
     * and {@code to}: the slot it would take, or empty when it does not fit there.
     */
    Optional<Slot> fitInto(BookingTenant tenant, AppointmentRow freed, String serviceId, Instant from, Instant to);

    /** An appointment stored by a booking, and whether this call created it. */
    record Placed(AppointmentRow row, boolean created) {
    }
}
