package com.zorahai.booking.internal;

import com.zorahai.booking.Channel;
import com.zorahai.booking.WaitlistEntry;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A row of {@code booking_waitlist}.
 */
public record WaitlistRow(UUID id, TenantId tenantId, String serviceRef, String serviceName, String customerName,
        String customerPhone, ClientId clientId, LocalDate earliestOn, LocalDate latestOn, Channel channel,
        String language, String notes, String status, Instant offeredAt, Instant offeredStartAt,
        Instant offeredEndAt, String offeredResource, Instant createdAt, Instant updatedAt) {

    public static final String WAITING = "waiting";
    public static final String OFFERED = "offered";
    public static final String BOOKED = "booked";
    public static final String REMOVED = "removed";

    public WaitlistEntry view(ZoneId zone) {
        return new WaitlistEntry(id, serviceRef, serviceName, customerName, customerPhone, clientId, earliestOn,
                latestOn, channel, language, notes, status,
                offeredStartAt == null ? null : offeredStartAt.atZone(zone),
                offeredEndAt == null ? null : offeredEndAt.atZone(zone), offeredAt, createdAt);
    }
}
