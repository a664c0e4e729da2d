package com.zorahai.analytics.internal;

import com.zorahai.email.InboundEmail;
import com.zorahai.email.InboundEmailReceived;
import com.zorahai.email.InboundEmails;
import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Inbound emails received; the time is the message's reception, read from the email module's API. */
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
}
