package com.zorahai.analytics.internal;

import com.zorahai.whatsapp.WhatsAppConversationHandedOver;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import com.zorahai.whatsapp.WhatsAppMessageSent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * WhatsApp traffic. A customer's message is {@code whatsapp.message.received}, with the conversation as subject. The
 * bot's first message after customer messages nobody answered yet is {@code whatsapp.message.answered}, with the
 * time since the first of them as {@code first_response_ms}; its key is that first message, so a second bot message
 * (or a redelivery) adds nothing. A hand-over is keyed by the conversation's latest customer message, since the event
 * carries no id or time of its own.
 */
@Component
class WhatsAppListener {

    static final String BOT = "bot";

    private final AnalyticsRecorder recorder;
    private final AnalyticsEventStore store;
    private final Clock clock;

    WhatsAppListener(AnalyticsRecorder recorder, AnalyticsEventStore store, Clock clock) {
        this.recorder = recorder;
        this.store = store;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(WhatsAppMessageReceived event) {
        Instant at = event.message() != null && event.message().timestamp() != null
                ? event.message().timestamp()
                : clock.instant();
        recorder.record(event.tenantId(), EventTypes.WHATSAPP_MESSAGE_RECEIVED, event.conversationId().toString(),
                "whatsapp-received:" + event.messageId(), Properties.of()
                        .with("message_id", event.messageId().toString())
                        .with("message_type", event.message() == null || event.message().type() == null
                                ? null
                                : event.message().type().value())
                        .with("bot_paused", event.botPaused()).map(),
                at);
    }

    @ApplicationModuleListener
    void on(WhatsAppMessageSent event) {
        if (!BOT.equals(event.sentBy())) {
            return;
        }
        String conversation = event.conversationId().toString();
        Instant now = clock.instant();
        store.firstUnanswered(event.tenantId(), conversation).ifPresent(first -> recorder.record(event.tenantId(),
                EventTypes.WHATSAPP_MESSAGE_ANSWERED, conversation, "whatsapp-answered:" + first.messageId(),
                Properties.of().with("first_response_ms", Math.max(0, Duration.between(first.at(), now).toMillis()))
                        .with("message_id", event.messageId().toString()).map(),
                now));
    }

    @ApplicationModuleListener
    void on(WhatsAppConversationHandedOver event) {
        String conversation = event.conversationId().toString();
        String latest = store.latestReceived(event.tenantId(), conversation)
                .map(AnalyticsEventStore.Received::messageId)
                .orElse("none");
        recorder.record(event.tenantId(), EventTypes.WHATSAPP_HANDED_OVER, conversation,
                "whatsapp-handed-over:" + conversation + ":" + latest, Properties.of().with("reason", event.reason())
                        .with("requested_by", BOT.equals(event.requestedBy()) ? BOT : "staff").map(),
                clock.instant());
    }
}
