package com.zorahai.whatsapp;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation with one contact.
 *
 * @param windowExpiresAt when the customer-service window closes (24 hours after the customer's last message); null
 *        before the customer wrote
 * @param windowOpen whether free-form messages may be sent now
 */
public record Conversation(UUID id, WhatsAppContact contact, Instant lastInboundAt, Instant windowExpiresAt,
        boolean windowOpen, Instant lastMessageAt, String lastMessagePreview, int unreadCount, boolean needsHuman,
        boolean botPaused, String handoffReason, Instant createdAt) {
}
