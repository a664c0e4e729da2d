package com.zorahai.whatsapp;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/**
 * A customer's message arrived and was stored; published once per provider message id (a redelivery publishes
 * nothing) in the transaction that stored it. Media is downloaded right after; {@link WhatsAppMessages#media} waits
 * for it or fetches it.
 *
 * @param botPaused whether staff took the conversation over, so the bot should stay quiet
 */
public record WhatsAppMessageReceived(TenantId tenantId, UUID conversationId, UUID messageId,
        WhatsAppContact contact, WhatsAppMessage message, boolean botPaused) {
}
