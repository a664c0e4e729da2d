package com.zorahai.booking;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An appointment was cancelled; its slot is free again.
 */
public record AppointmentCancelled(TenantId tenantId, AppointmentId appointmentId, String serviceName,
        Instant startsAt, LocalDateTime localStart, ZoneId timeZone, String customerPhone, ClientId clientId,
        String reason) {
}
