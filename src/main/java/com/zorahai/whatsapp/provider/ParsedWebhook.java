package com.zorahai.whatsapp.provider;

import com.zorahai.whatsapp.DeliveryStatus;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppMessage;
import java.time.Instant;
import java.util.List;

/**
 * Everything one webhook body reported, in the channel's own shape: every message and status of every entry and
 * change, and errors the provider reported without a message.
 */
public record ParsedWebhook(List<Inbound> messages, List<Status> statuses, List<Error> errors) {

    public ParsedWebhook {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
        errors = List.copyOf(errors);
    }

    public boolean isEmpty() {
        return messages.isEmpty() && statuses.isEmpty() && errors.isEmpty();
    }

    /**
     * A customer's message.
     *
     * @param phoneNumberId the business number it was sent to ({@code metadata.phone_number_id}), when given
     * @param providerRef the provider's own address of the chat, where it has one
     */
    public record Inbound(String phoneNumberId, WhatsAppContact contact, WhatsAppMessage message,
            String providerRef) {
    }

    /** A status of an outbound message; {@code errorCode} and {@code errorTitle} for {@code failed}. */
    public record Status(String phoneNumberId, String providerMessageId, DeliveryStatus status, String recipient,
            Instant timestamp, Integer errorCode, String errorTitle, String errorDetail) {
    }

    /** An error the provider reported for the number as a whole ({@code value.errors}). */
    public record Error(String phoneNumberId, Integer code, String title, String detail) {
    }
}
