package com.zorahai.booking;

import com.zorahai.booking.internal.BookingService;
import com.zorahai.booking.internal.Waitlist;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Booking for other modules (the WhatsApp assistant first): a clinic's services, free slots, and appointments
 * booked, cancelled and moved, whether the tenant's calendar is built in or lives in the clinic's own system.
 * Times are in the tenant's time zone. Errors are problems: {@code slot-taken} (409) when a slot went meanwhile,
 * {@code outside-working-hours} (422), {@code slot-in-past} (422), {@code validation-failed} (400) naming the field,
 * {@code appointment-not-found} (404), {@code booking-provider-unavailable} (502) when the clinic's API fails.
 */
@Service
public class Bookings {

    private final BookingService bookings;
    private final Waitlist waitlist;

    Bookings(BookingService bookings, Waitlist waitlist) {
        this.bookings = bookings;
        this.waitlist = waitlist;
    }

    /** The services that can be booked, with durations and prices (gender-specific where the clinic has them). */
    public List<BookableService> services(TenantId tenant) {
        return bookings.services(tenant);
    }

    /** Free slots of the service on one day, in the tenant's time zone. */
    public List<Slot> availability(TenantId tenant, String serviceId, LocalDate day) {
        return availability(tenant, serviceId, day, day, null);
    }

    /**
     * Free slots of the service from {@code from} to {@code to} (inclusive days, tenant time zone), with one member
     * of staff or room when {@code resourceId} is given.
     */
    public List<Slot> availability(TenantId tenant, String serviceId, LocalDate from, LocalDate to,
            String resourceId) {
        return bookings.availability(tenant, serviceId, from, to, resourceId).slots();
    }

    /**
     * Books an appointment. With a phone, the customer is found or created in the CRM and the booking goes on their
     * timeline. A repeated {@code idempotencyKey} answers the first appointment.
     */
    public Appointment book(TenantId tenant, NewAppointment appointment) {
        return bookings.book(tenant, appointment).appointment();
    }

    /** Cancels the appointment (again: no change); 409 when it has begun or is over. */
    public Appointment cancel(TenantId tenant, AppointmentId id, String reason) {
        return bookings.cancel(tenant, id, reason);
    }

    /** Moves the appointment to {@code start}, keeping its member of staff or room when free. */
    public Appointment reschedule(TenantId tenant, AppointmentId id, Instant start) {
        return bookings.reschedule(tenant, id, start, null);
    }

    /** Moves the appointment to {@code start} with {@code resourceId} (any free one when null). */
    public Appointment reschedule(TenantId tenant, AppointmentId id, Instant start, String resourceId) {
        return bookings.reschedule(tenant, id, start, resourceId);
    }

    /** The appointment; 404 when it is not one of the tenant's. */
    public Appointment get(TenantId tenant, AppointmentId id) {
        return bookings.get(tenant, id);
    }

    /** The customer's booked appointments that are not over, soonest first: what "cancel" or "reschedule" means. */
    public List<Appointment> upcomingFor(TenantId tenant, String phone) {
        return bookings.upcomingFor(tenant, phone);
    }

    /** Puts the customer on the waitlist for the service between two dates. */
    public WaitlistEntry joinWaitlist(TenantId tenant, WaitlistRequest request) {
        return waitlist.join(tenant, request);
    }
}
