package com.zorahai.whatsapp;

import java.util.UUID;

/** An outbound message waiting in the outbox; its status follows in {@link WhatsAppMessageStatusChanged}. */
public record QueuedMessage(UUID messageId, UUID conversationId) {
}
