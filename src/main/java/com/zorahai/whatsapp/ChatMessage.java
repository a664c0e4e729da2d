package com.zorahai.whatsapp;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored message of a conversation.
 *
 * @param direction {@code inbound} (from the customer) or {@code outbound}
 * @param message the content; {@code null} parts when TESTING_MODE kept it out of the store
 * @param sentBy for outbound messages: {@code bot}, {@code system} or a staff member's id
 */
public record ChatMessage(UUID id, UUID conversationId, String direction, String provider, WhatsAppMessage message,
        DeliveryStatus status, Instant statusAt, Integer errorCode, String errorTitle, String mediaStatus,
        String sentBy, Instant createdAt) {
}
