package com.zorahai.booking;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An appointment starts within the reminder lead time (24 hours unless configured otherwise) and its customer should
 * be reminded, on WhatsApp with {@code template}. Published once per appointment (again after a reschedule). The
 * customer's answer ("cancel", "reschedule") goes to the assistant, which acts through {@link Bookings}.
 *
 * @param localStart the start as the clinic's clock shows it, in {@code timeZone}
 * @param language the customer's language when known, else the tenant's (e.g. {@code en})
 * @param template the name of the WhatsApp message template to send
 */
public record AppointmentReminderDue(TenantId tenantId, AppointmentId appointmentId, String customerName,
        String customerPhone, String serviceName, Instant startsAt, LocalDateTime localStart, ZoneId timeZone,
        String resourceName, String language, String template) {
}
