package com.zorahai.assistant.internal;

import com.zorahai.assistant.AssistantHandedOver;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.WhatsAppMessages;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Gives a conversation to the clinic's staff: the channel pauses the bot and flags the conversation, the tenant's
 * hand-over addresses (else its reply-to or from address) get an email, and {@link AssistantHandedOver} goes out. All in the turn's transaction, so a
 * turn that fails leaves no half hand-over.
 */
@Component("assistantHandover")
class Handover {

    private static final Logger log = LoggerFactory.getLogger(Handover.class);

    private final WhatsAppMessages whatsapp;
    private final Emails emails;
    private final ApplicationEventPublisher events;

    Handover(WhatsAppMessages whatsapp, Emails emails, ApplicationEventPublisher events) {
        this.whatsapp = whatsapp;
        this.emails = emails;
        this.events = events;
    }

    /**
     * Hands the turn's conversation over and tells {@code configured} (the tenant's hand-over addresses), or the
     * tenant's reply-to or from address when it configured none.
     */
    void handOver(Turn turn, List<String> configured, Instant at) {
        String reason = turn.handoverReason == null ? AssistantHandedOver.BOT_FAILED : turn.handoverReason;
        whatsapp.handoff(turn.tenantId(), turn.conversationId, reason, WhatsAppMessages.BOT);
        List<String> notify = recipients(turn.tenant, configured);
        if (!notify.isEmpty()) {
            try {
                emails.queue(new OutboundEmail(turn.tenantId(), notify, List.of(), subject(turn), null, null, null,
                        body(turn, reason), List.of(), "assistant-handover:" + turn.messageId));
            } catch (ProblemException e) {
                // a bad address must not cost the customer the hand-over itself
                log.warn("Hand-over email for tenant {} refused ({})", turn.tenantId().value(), e.type());
            }
        }
        events.publishEvent(new AssistantHandedOver(turn.tenantId(), turn.conversationId, reason,
                turn.language.code(), at));
        turn.state.clearDialogue();
        turn.state.failures = 0;
    }

    static List<String> recipients(Tenant tenant, List<String> configured) {
        if (!configured.isEmpty()) {
            return configured;
        }
        Tenant.Email email = tenant.email();
        if (email == null) {
            return List.of();
        }
        String fallback = email.replyTo() != null && !email.replyTo().isBlank() ? email.replyTo() : email.fromAddress();
        return fallback == null || fallback.isBlank() ? List.of() : List.of(fallback.strip());
    }

    private static String subject(Turn turn) {
        return "WhatsApp: " + customer(turn) + " needs a person";
    }

    private static String body(Turn turn, String reason) {
        String why = switch (reason) {
            case AssistantHandedOver.CUSTOMER_ASKED -> "The customer asked to talk to a person.";
            case AssistantHandedOver.BOT_FAILED -> "The assistant could not help with the customer's last messages.";
            case AssistantHandedOver.PHOTO -> "The customer sent a photo.";
            case AssistantHandedOver.VOICE_NOTE -> "The customer sent a voice note.";
            case AssistantHandedOver.MEDIA -> "The customer sent a file the assistant cannot read.";
            case AssistantHandedOver.MODEL_ASKED -> "The assistant decided the customer needs a person.";
            default -> "Reason: " + reason;
        };
        String last = turn.text == null || turn.text.isBlank() ? "(no text)" : turn.text;
        return """
                The WhatsApp assistant handed a conversation over to the team and has stopped answering it.

                Customer: %s
                %s
                Last message: %s

                Reply from the WhatsApp conversations of the dashboard (conversation %s), then give it back to the \
                assistant when you are done.
                """.formatted(customer(turn), why, last, turn.conversationId);
    }

    private static String customer(Turn turn) {
        String name = turn.state.customerName != null
                ? turn.state.customerName
                : turn.contact != null ? turn.contact.name() : null;
        String phone = turn.phone();
        if (name != null && phone != null) {
            return name + " (" + phone + ")";
        }
        return name != null ? name : phone != null ? phone : "a customer";
    }
}
