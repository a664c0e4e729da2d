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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where what analytics produces goes: the trainer's daily report into the WhatsApp outbox (free text while the
 * trainer's 24-hour window is open, the approved template otherwise), a suggested Q&amp;A pair into the tenant's
 * knowledge, and the WhatsApp bot's unanswered questions into the events the summary and the grouping read.
 */
@Component
class ReportDeliveries {

    private static final Logger log = LoggerFactory.getLogger(ReportDeliveries.class);

    private final WhatsAppMessages whatsapp;
    private final Knowledge knowledge;
    private final Tenants tenants;
    private final AnalyticsRecorder recorder;

    private final TransactionTemplate separately;

    ReportDeliveries(WhatsAppMessages whatsapp, Knowledge knowledge, Tenants tenants, AnalyticsRecorder recorder,
            PlatformTransactionManager transactions) {
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        try {
            // its own transaction: a pair already there fails alone, not the delivery
            separately.executeWithoutResult(status -> knowledge.addQa(suggestion.tenantId(), new NewQaPair(
                    suggestion.question(), suggestion.answer(), suggestion.tags(), "unanswered-" + suggestion.groupId(),
                    "analytics")));
        } catch (ProblemException ex) {
            if (!"qa-key-taken".equals(ex.type())) {
                throw ex;
            }
            // delivered again: the pair of this group is already there
        } catch (DataIntegrityViolationException ex) {
            // delivered twice at once: the other delivery's pair holds the key
            log.info("Q&A pair of group {} already added", suggestion.groupId());
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
