package com.zorahai.analytics.internal;

import com.zorahai.helpdesk.HelpdeskAnswered;
import com.zorahai.helpdesk.UnansweredQuestion;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Helpdesk answers (grounded or not, latency, tokens) and the questions it could not answer. */
@Component
class HelpdeskListener {

    private final AnalyticsRecorder recorder;

    HelpdeskListener(AnalyticsRecorder recorder) {
        this.recorder = recorder;
    }

    @ApplicationModuleListener
    void on(HelpdeskAnswered event) {
        recorder.record(event.tenantId(), EventTypes.HELPDESK_ANSWERED, event.sessionId().toString(),
                "helpdesk-answered:" + event.messageId(), Properties.of().with("grounded", event.grounded())
                        .with("latency_ms", event.latencyMs())
                        .with("tokens", event.promptTokens() + event.completionTokens())
                        .with("answer_type", event.answerType()).with("model", event.model()).map(),
                event.answeredAt());
    }

    @ApplicationModuleListener
    void on(UnansweredQuestion event) {
        recorder.record(event.tenantId(), EventTypes.HELPDESK_UNANSWERED, event.sessionId().toString(),
                "helpdesk-unanswered:" + event.sessionId() + ":" + event.askedAt().toEpochMilli(),
                Properties.of().with("question", event.question()).with("language", event.language()).map(),
                event.askedAt());
    }
}
