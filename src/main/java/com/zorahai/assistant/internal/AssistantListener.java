package com.zorahai.assistant.internal;

import com.zorahai.whatsapp.WhatsAppMessageReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Answers each customer message after the channel stored it. The listener is durable: an event whose turn did not
 * complete (a crash, a database error) is delivered again, and the turn's unique row keeps it from being answered
 * twice.
 */
@Component("assistantListener")
class AssistantListener {

    private final Assistant assistant;

    AssistantListener(Assistant assistant) {
        this.assistant = assistant;
    }

    @ApplicationModuleListener
    void on(WhatsAppMessageReceived event) {
        assistant.answer(event);
    }
}
