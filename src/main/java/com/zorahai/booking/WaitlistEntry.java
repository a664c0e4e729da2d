package com.zorahai.booking;

import com.zorahai.crm.ClientId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * A place on the waitlist.
 *
 * @param status {@code waiting}, {@code offered} (a freed slot was offered, see {@code offeredStart}), {@code booked}
 *        (the customer booked the service since) or {@code removed}
 */
public record WaitlistEntry(UUID id, String serviceId, String serviceName, String customerName, String customerPhone,
        ClientId clientId, LocalDate earliest, LocalDate latest, Channel channel, String language, String notes,
        String status, ZonedDateTime offeredStart, ZonedDateTime offeredEnd, Instant offeredAt, Instant createdAt) {
}
