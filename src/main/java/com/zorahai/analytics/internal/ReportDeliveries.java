package com.zorahai.analytics.internal;

import com.zorahai.analytics.QaPairSuggested;
import com.zorahai.analytics.TrainerReportReady;
import com.zorahai.assistant.UnansweredQuestion;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.WhatsAppMessages;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Where what analytics produces goes: the trainer's daily report into the WhatsApp outbox (free text while the
 * trainer's 24-hour window is open, the approved template otherwise), a Q&amp;A pair staff wrote for a group of
 * unanswered questions into the tenant's knowledge (keyed {@code unanswered-<group id>}, so a redelivery adds nothing),
 * and the WhatsApp bot's unanswered questions into the events the summary and the grouping read.
 */
@Component
class ReportDeliveries {

    private static final Logger log = LoggerFactory.getLogger(ReportDeliveries.class);

    private final WhatsAppMessages whatsapp;
    private final Knowledge knowledge;
    private final Tenants tenants;
    private final AnalyticsRecorder recorder;

    ReportDeliveries(WhatsAppMessages whatsapp, Knowledge knowledge, Tenants tenants, AnalyticsRecorder recorder) {
        this.whatsapp = whatsapp;
        this.knowledge = knowledge;
        this.tenants = tenants;
        this.recorder = recorder;
    }

    @ApplicationModuleListener
    void on(TrainerReportReady report) {
        if (whatsapp.isWindowOpen(report.tenantId(), report.trainerNumber())) {
            whatsapp.sendText(report.tenantId(), report.trainerNumber(), report.text());
        } else {
            String language = tenants.find(report.tenantId()).map(Tenant::locale).map(Locale::getLanguage)
                    .filter(code -> !code.isBlank()).orElse("en");
            whatsapp.sendTemplate(report.tenantId(), report.trainerNumber(), report.templateName(), language,
                    report.templateParameters());
        }
        log.info("Daily report {} of {} queued for the trainer", report.reportId(), report.reportDate());
    }

    @ApplicationModuleListener
    void on(QaPairSuggested suggestion) {
        NewQaPair pair = new NewQaPair(suggestion.question(), suggestion.answer(), suggestion.tags(),
                "unanswered-" + suggestion.groupId(), "analytics");
        try {
            knowledge.addQaIfAbsent(suggestion.tenantId(), pair).ifPresentOrElse(
                    qa -> log.info("Q&A pair {} added to knowledge from unanswered group {}", qa.id(),
                            suggestion.groupId()),
                    () -> log.info("Q&A pair of unanswered group {} was added before", suggestion.groupId()));
        } catch (ProblemException ex) {
            // the endpoint validated the pair with the same limits; a pair knowledge still refuses is not retried
            log.warn("Knowledge refused the Q&A pair of unanswered group {}: {}", suggestion.groupId(),
                    ex.getMessage());
        }
    }

    @ApplicationModuleListener
    void on(UnansweredQuestion question) {
        recorder.record(question.tenantId(), EventTypes.WHATSAPP_UNANSWERED, question.conversationId().toString(),
                "whatsapp-unanswered:" + question.conversationId() + ":" + question.at().toEpochMilli(),
                Properties.of().with("question", question.question()).with("language", question.language()).map(),
                question.at());
    }
}
