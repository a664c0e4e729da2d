package com.zorahai.whatsapp.provider;

import com.zorahai.whatsapp.OutboundContent;

/**
 * One message for a provider.
 *
 * @param to the phone number (digits) or, when {@code toUserId}, the business-scoped user id
 * @param providerRef the provider's own address of the chat where it needs one (Qiscus room id)
 * @param contextMessageId the provider id of a message to quote, or null
 * @param idempotencyKey stable across retries of the same outbox row
 */
public record OutboundRequest(String to, boolean toUserId, String providerRef, OutboundContent content,
        String contextMessageId, String idempotencyKey) {
}
