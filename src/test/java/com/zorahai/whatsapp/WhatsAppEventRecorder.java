package com.zorahai.whatsapp;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Listens to the channel's events as another module would (after commit) and remembers them. */
@Component("whatsappEventRecorder")
public class WhatsAppEventRecorder {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void received(WhatsAppMessageReceived event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void status(WhatsAppMessageStatusChanged event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void sent(WhatsAppMessageSent event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void handedOver(WhatsAppConversationHandedOver event) {
        events.add(event);
    }

    @ApplicationModuleListener
    void resumed(WhatsAppConversationResumed event) {
        events.add(event);
    }

    public List<WhatsAppMessageReceived> received(String tenant) {
        return events.stream()
                .filter(WhatsAppMessageReceived.class::isInstance)
                .map(WhatsAppMessageReceived.class::cast)
                .filter(e -> e.tenantId().value().equals(tenant))
                .toList();
    }

    public List<WhatsAppMessageStatusChanged> statuses(UUID messageId) {
        return events.stream()
                .filter(WhatsAppMessageStatusChanged.class::isInstance)
                .map(WhatsAppMessageStatusChanged.class::cast)
                .filter(e -> e.messageId().equals(messageId))
                .toList();
    }

    public List<WhatsAppMessageSent> sent(UUID messageId) {
        return events.stream()
                .filter(WhatsAppMessageSent.class::isInstance)
                .map(WhatsAppMessageSent.class::cast)
                .filter(e -> e.messageId().equals(messageId))
                .toList();
    }

    public List<Object> about(UUID conversationId) {
        return events.stream().filter(e -> switch (e) {
            case WhatsAppConversationHandedOver h -> h.conversationId().equals(conversationId);
            case WhatsAppConversationResumed r -> r.conversationId().equals(conversationId);
            default -> false;
        }).toList();
    }
}
