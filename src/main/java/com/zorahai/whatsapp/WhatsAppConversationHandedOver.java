package com.zorahai.whatsapp;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/**
 * A conversation needs a human: the bot is paused for it until someone resumes it.
 *
 * @param requestedBy {@code bot} or the id of the staff member
 */
public record WhatsAppConversationHandedOver(TenantId tenantId, UUID conversationId, String reason,
        String requestedBy) {
}
