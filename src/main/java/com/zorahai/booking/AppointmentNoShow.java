package com.zorahai.booking;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The customer did not come to an appointment.
 */
public record AppointmentNoShow(TenantId tenantId, AppointmentId appointmentId, String serviceName,
        Instant startsAt, LocalDateTime localStart, ZoneId timeZone, String customerPhone, ClientId clientId) {
}
