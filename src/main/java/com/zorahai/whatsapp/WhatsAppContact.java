package com.zorahai.whatsapp;

/**
 * Who a conversation is with.
 *
 * @param key the business-scoped user id when the provider sent one, else the phone number (digits, no {@code +})
 * @param waId the phone number (digits), when known
 * @param userId the business-scoped user id ({@code BR.…}), when known
 * @param name the profile name the customer chose, when known
 */
public record WhatsAppContact(String key, String waId, String userId, String name) {
}
