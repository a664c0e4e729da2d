package com.zorahai.whatsapp;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/**
 * The provider accepted an outbound message.
 *
 * @param sentBy {@code bot}, {@code system} or the id of the staff member who wrote it
 */
public record WhatsAppMessageSent(TenantId tenantId, UUID conversationId, UUID messageId, String providerMessageId,
        MessageType type, String sentBy) {
}
