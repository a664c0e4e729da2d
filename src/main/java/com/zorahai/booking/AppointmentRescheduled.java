package com.zorahai.booking;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An appointment moved to another time (or another member of staff or room). A reminder will be due again for the
 * new time.
 */
public record AppointmentRescheduled(TenantId tenantId, AppointmentId appointmentId, String serviceName,
        Instant previousStartsAt, LocalDateTime previousLocalStart, Instant startsAt, LocalDateTime localStart,
        ZoneId timeZone, String resourceName, String customerPhone, ClientId clientId) {
}
