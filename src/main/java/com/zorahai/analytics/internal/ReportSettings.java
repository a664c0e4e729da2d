package com.zorahai.analytics.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's daily-report settings.
 *
 * @param reportHour the hour of the day, in the tenant's time zone, from which the previous day's report goes out
 * @param trainerWhatsappNumber overrides the tenant's {@code trainer_whatsapp_number}; null keeps it
 * @param staffEmails who gets the email version; none means no email
 * @param updatedAt null while the tenant runs on the defaults
 */
public record ReportSettings(boolean reportEnabled, int reportHour, String trainerWhatsappNumber,
        List<String> staffEmails, Instant updatedAt, UUID updatedBy) {

    public ReportSettings {
        staffEmails = staffEmails == null ? List.of() : List.copyOf(staffEmails);
    }
}
