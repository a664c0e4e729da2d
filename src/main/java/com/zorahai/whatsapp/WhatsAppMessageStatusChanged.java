package com.zorahai.whatsapp;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/**
 * An outbound message moved forward ({@code sent}, {@code delivered}, {@code read}, {@code played}) or failed; a
 * failure keeps the provider's error code and title (131047: the customer-service window was closed).
 */
public record WhatsAppMessageStatusChanged(TenantId tenantId, UUID conversationId, UUID messageId,
        String providerMessageId, DeliveryStatus status, Integer errorCode, String errorTitle) {
}
