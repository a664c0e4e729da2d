package com.zorahai.analytics.web;

import com.zorahai.analytics.UnansweredQuestion;
import com.zorahai.analytics.internal.ReportSettingsRecords;
import com.zorahai.analytics.internal.ReportsLog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the analytics API (snake_case on the wire). */
final class AnalyticsJson {

    private AnalyticsJson() {
    }

    /** An unanswered-question group with the call that turns it into a Q&amp;A pair. */
    record UnansweredResponse(UUID id, String question, int occurrences, Instant firstAskedAt, Instant lastAskedAt,
            List<String> channels, List<String> examples, String status, String answer, Instant resolvedAt,
            Action toQa) {

        static UnansweredResponse of(UnansweredQuestion q) {
            return new UnansweredResponse(q.id(), q.question(), q.occurrences(), q.firstAskedAt(), q.lastAskedAt(),
                    q.channels(), q.examples(), q.status(), q.answer(), q.resolvedAt(),
                    UnansweredQuestion.OPEN.equals(q.status())
                            ? new Action("POST", AnalyticsController.UNANSWERED + "/" + q.id() + ":to-qa")
                            : null);
        }
    }

    /** A call the client can make. */
    record Action(String method, String href) {
    }

    /** The body of {@code :to-qa}. */
    record ToQaRequest(String question, String answer, List<String> tags) {
    }

    /** The daily-report settings as the API shows them. */
    record SettingsResponse(boolean reportEnabled, int reportHour, String trainerWhatsappNumber,
            List<String> staffEmails, String effectiveTrainerWhatsappNumber, String timeZone, Instant updatedAt) {

        static SettingsResponse of(ReportSettingsRecords.View view) {
            return new SettingsResponse(view.settings().reportEnabled(), view.settings().reportHour(),
                    view.settings().trainerWhatsappNumber(), view.settings().staffEmails(),
                    view.effectiveTrainerWhatsappNumber(), view.timeZone(), view.settings().updatedAt());
        }
    }

    /** The body of {@code PUT /settings}; a missing field takes its default. */
    record SettingsRequest(Boolean reportEnabled, Integer reportHour, String trainerWhatsappNumber,
            List<String> staffEmails) {
    }

    /** A report in the log. */
    record ReportResponse(UUID id, LocalDate reportDate, String channel, String status, String recipients,
            String body, String reference, Instant sentAt) {

        static ReportResponse of(ReportsLog.Entry entry) {
            return new ReportResponse(entry.id(), entry.reportDate(), entry.channel(), entry.status(),
                    entry.recipients(), entry.body(), entry.reference(), entry.sentAt());
        }
    }
}
