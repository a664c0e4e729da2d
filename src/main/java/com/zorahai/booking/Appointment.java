package com.zorahai.booking;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * An appointment, with its times in the tenant's time zone.
 *
 * @param provider {@code builtin} (the calendar in the database) or {@code api} (the clinic's booking API)
 * @param externalId the clinic's id of the appointment when its API holds it
 * @param price the price that applied when it was booked, if known
 */
public record Appointment(AppointmentId id, String serviceId, String serviceName, String resourceId,
        String resourceName, ZonedDateTime start, ZonedDateTime end, AppointmentStatus status, String customerName,
        String customerPhone, ClientId clientId, Gender gender, Channel channel, String language, String notes,
        Money price, String provider, String externalId, String cancelReason, Instant remindedAt, Instant createdAt,
        Instant updatedAt) {

    /** Whether it still takes place: booked and not over. */
    public boolean isUpcoming(Instant now) {
        return status == AppointmentStatus.BOOKED && end.toInstant().isAfter(now);
    }
}
