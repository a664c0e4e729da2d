/**
 * Analytics: records what the other modules announce (their events, never their tables), answers the dashboard's
 * summary, time series and unanswered questions, exports events to BigQuery and sends the daily report.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity", "email", "quoting", "invoicing", "crm",
        "telephony", "tickets", "helpdesk", "whatsapp", "booking", "assistant", "knowledge",
        "intake"})
package com.zorahai.analytics;

import org.springframework.modulith.ApplicationModule;
