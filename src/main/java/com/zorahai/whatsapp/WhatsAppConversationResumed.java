package com.zorahai.whatsapp;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/** Staff gave a conversation back to the bot. */
public record WhatsAppConversationResumed(TenantId tenantId, UUID conversationId, String requestedBy) {
}
