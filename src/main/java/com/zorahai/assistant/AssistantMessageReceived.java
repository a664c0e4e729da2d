package com.zorahai.assistant;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * The assistant took a customer's message to answer it (the bot is on and the conversation is not with a person).
 *
 * @param messageId the WhatsApp message
 * @param messageType {@code text}, {@code image}, {@code audio}, {@code interactive}, ...
 * @param language the language the message was read in ({@code ar}, {@code en}, {@code fr})
 */
public record AssistantMessageReceived(TenantId tenantId, UUID conversationId, UUID messageId, String messageType,
        String language, Instant at) {
}
