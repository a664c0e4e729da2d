package com.zorahai.booking;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An appointment was booked.
 *
 * @param localStart the start as the clinic's clock shows it, in {@code timeZone}
 */
public record AppointmentBooked(TenantId tenantId, AppointmentId appointmentId, String serviceId,
        String serviceName, Instant startsAt, LocalDateTime localStart, ZoneId timeZone, String resourceName,
        String customerName, String customerPhone, ClientId clientId, Channel channel, String language) {
}
