package com.zorahai.assistant.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One customer message being answered: what came in, the conversation's state, and what the answer turned out to
 * be (replies, outcome, tokens). Engines fill it in; the assistant then sends and records it.
 */
final class Turn {

    /** How a turn ended. */
    enum Outcome {
        ANSWERED,
        /** A question nobody has answered yet: recorded for the trainer, counts as a failure. */
        UNANSWERED,
        /** The customer's reply did not fit the dialogue: counts as a failure. */
        NOT_UNDERSTOOD, HANDED_OVER,
        /** Nothing to say (a reaction, an empty message). */
        IGNORED
    }

    final Tenant tenant;
    final UUID conversationId;
    final UUID messageId;
    final WhatsAppContact contact;
    final WhatsAppMessage message;
    final ConversationState state;
    final Instant receivedAt;
    Language language;
    String text;
    String intent = Intent.QUESTION.value();
    String engine = "offline";
    Outcome outcome = Outcome.ANSWERED;
    String handoverReason;
    String unansweredQuestion;
    boolean bookingStarted;
    String bookingServiceId;
    long promptTokens;
    long completionTokens;
    final List<Reply> replies = new ArrayList<>();

    Turn(Tenant tenant, UUID conversationId, UUID messageId, WhatsAppContact contact, WhatsAppMessage message,
            ConversationState state, Instant receivedAt) {
        this.tenant = tenant;
        this.conversationId = conversationId;
        this.messageId = messageId;
        this.contact = contact;
        this.message = message;
        this.state = state;
        this.receivedAt = receivedAt;
    }

    TenantId tenantId() {
        return tenant.id();
    }

    void say(String text) {
        replies.add(new Reply.Text(text));
    }

    void ask(String body, String button, List<Reply.Option> options) {
        replies.add(new Reply.Options(body, button, options));
    }

    void unanswered(String question) {
        outcome = Outcome.UNANSWERED;
        unansweredQuestion = question;
    }

    void handOver(String reason) {
        outcome = Outcome.HANDED_OVER;
        handoverReason = reason;
    }

    /** The name to book under: the one known, else the WhatsApp profile name, else the number. */
    String customerName() {
        if (state.customerName != null && !state.customerName.isBlank()) {
            return state.customerName;
        }
        if (contact != null && contact.name() != null && !contact.name().isBlank()) {
            return contact.name().strip();
        }
        return phone() != null ? phone() : "WhatsApp customer";
    }

    /** The customer's phone number in E.164, when the conversation is with a phone number. */
    String phone() {
        return contact != null && contact.waId() != null ? "+" + contact.waId() : null;
    }
}
