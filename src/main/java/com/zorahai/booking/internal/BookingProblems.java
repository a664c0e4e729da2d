package com.zorahai.booking.internal;

import com.zorahai.booking.AppointmentId;
import com.zorahai.booking.AppointmentStatus;
import com.zorahai.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The problems booking answers with; each has a stable type under {@code https://zorahai.com/problems/}.
 */
public final class BookingProblems {

    private BookingProblems() {
    }

    /** 409: someone else holds the slot (or every resource that could take it). */
    public static ProblemException slotTaken() {
        return ProblemException.of(HttpStatus.CONFLICT, "slot-taken", "Slot taken",
                "This time is no longer free. Ask for availability again and pick another slot.");
    }

    /** 422: the clinic (or the chosen resource) does not work then. */
    public static ProblemException outsideHours(String detail) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "outside-working-hours",
                "Outside working hours", detail);
    }

    /** 422: the start is in the past (or too soon). */
    public static ProblemException inPast() {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "slot-in-past", "Slot in the past",
                "The appointment must start in the future.");
    }

    /** 422: the start is further ahead than bookings are taken. */
    public static ProblemException tooFarAhead(long days) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "slot-too-far-ahead", "Slot too far ahead",
                "Bookings are taken up to " + days + " days ahead.");
    }

    public static ProblemException appointmentNotFound(AppointmentId id) {
        return ProblemException.notFound("appointment", id);
    }

    public static ProblemException serviceNotFound(String id) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "service-not-found", "Service not found",
                "No service with id " + id);
    }

    /** 409: the change needs a booked appointment. */
    public static ProblemException notBooked(AppointmentId id, AppointmentStatus status) {
        return ProblemException.of(HttpStatus.CONFLICT, "appointment-not-booked", "Appointment not booked",
                "Appointment " + id + " is " + status.value() + "; only a booked appointment can change.")
                .with("status", status.value());
    }

    /** 409: a no-show or completion before the appointment began. */
    public static ProblemException notStarted(AppointmentId id) {
        return ProblemException.of(HttpStatus.CONFLICT, "appointment-not-started", "Appointment not started",
                "Appointment " + id + " has not started yet.");
    }

    /** 409: a reschedule or cancellation of an appointment that is over. */
    public static ProblemException alreadyStarted(AppointmentId id) {
        return ProblemException.of(HttpStatus.CONFLICT, "appointment-started", "Appointment started",
                "Appointment " + id + " has already started.");
    }

    /** 409: the idempotency key was used for a different booking. */
    public static ProblemException keyReused() {
        return ProblemException.of(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key reused",
                "This idempotency key was used for another booking.");
    }

    /** 502: the clinic's booking system failed or could not be reached. */
    public static ProblemException providerUnavailable(String detail) {
        return ProblemException.of(HttpStatus.BAD_GATEWAY, "booking-provider-unavailable",
                "Booking system unavailable", detail);
    }

    /** 502: the clinic's booking system refused our credentials: an operator must fix the configuration. */
    public static ProblemException providerAuthFailed(int status) {
        return ProblemException.of(HttpStatus.BAD_GATEWAY, "booking-provider-auth-failed",
                "Booking system refused access",
                "The clinic's booking system refused our credentials (" + status + "). Check the booking API token.");
    }

    /** 409: the tenant's calendar lives in the clinic's own system, not here. */
    public static ProblemException managedExternally() {
        return ProblemException.of(HttpStatus.CONFLICT, "calendar-managed-externally", "Calendar managed elsewhere",
                "This clinic's services, staff and hours are managed in its own booking system.");
    }

    public static ProblemException waitlistEntryNotFound(Object id) {
        return ProblemException.notFound("waitlist-entry", id);
    }
}
