package com.zorahai.assistant;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer started booking with the assistant; {@code com.zorahai.booking.AppointmentBooked} (channel
 * {@code whatsapp}) follows when the booking is made.
 *
 * @param serviceId the service, when the customer named it at once
 */
public record BookingStarted(TenantId tenantId, UUID conversationId, String serviceId, String language,
        Instant at) {
}
