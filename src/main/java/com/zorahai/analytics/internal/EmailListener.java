package com.zorahai.analytics.internal;

import com.zorahai.email.InboundEmail;
import com.zorahai.email.InboundEmailReceived;
import com.zorahai.email.InboundEmails;
import com.zorahai.intake.InboundEmailParsed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Inbound emails: received (the time is the message's reception, read from the email module's API) and parsed by
 * intake (the time is when intake recorded the outcome; {@code parse_ms} runs from reception to then).
 */
@Component
class EmailListener {

    private final AnalyticsRecorder recorder;
    private final InboundEmails emails;
    private final Clock clock;

    EmailListener(AnalyticsRecorder recorder, InboundEmails emails, Clock clock) {
        this.recorder = recorder;
        this.emails = emails;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InboundEmailReceived event) {
        Instant receivedAt = emails.find(event.tenantId(), event.inboundEmailId()).map(InboundEmail::receivedAt)
                .orElseGet(clock::instant);
        recorder.record(event.tenantId(), EventTypes.EMAIL_RECEIVED, event.inboundEmailId().toString(),
                "email-received:" + event.inboundEmailId(), Properties.of().map(), receivedAt);
    }

    @ApplicationModuleListener
    void on(InboundEmailParsed event) {
        recorder.record(event.tenantId(), EventTypes.EMAIL_PARSED, event.inboundEmailId().toString(),
                "email-parsed:" + event.inboundEmailId(), Properties.of()
                        .with("classification", event.classification())
                        .with("outcome", event.outcome())
                        .with("status", event.status())
                        .with("engine", event.engine())
                        .with("model", event.model())
                        .with("doubtful_fields", event.doubtfulFields().size())
                        .with("parse_ms", Math.max(0, Duration.between(event.receivedAt(), event.parsedAt())
                                .toMillis()))
                        .map(),
                event.parsedAt());
    }
}
