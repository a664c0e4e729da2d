package com.zorahai.analytics;

import com.zorahai.tenancy.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The daily report of a tenant is ready for its trainer on WhatsApp. The WhatsApp module sends {@code text} as a
 * free-form message while the trainer's 24-hour window is open, and the approved template {@code templateName}
 * with {@code templateParameters} (in order) when it is closed. Published once per tenant and day.
 *
 * @param reportId the report's id in {@code reports_log}: the key to send it at most once
 * @param reportDate the day the report is about, in the tenant's time zone
 * @param trainerNumber the trainer's number in E.164 form, e.g. {@code +96170123456}
 */
public record TrainerReportReady(TenantId tenantId, UUID reportId, LocalDate reportDate, String trainerNumber,
        String text, String templateName, List<String> templateParameters) {

    public TrainerReportReady {
        templateParameters = templateParameters == null ? List.of() : List.copyOf(templateParameters);
    }
}
