package com.zorahai.telephony.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code phone_numbers}.
 *
 * @param status {@code active} (bought and answered by VAPI), {@code import_failed} (bought, not yet in VAPI) or
 *        {@code released}
 * @param assistantKey the key of the tenant's assistant ids answering it; null when one is chosen per call
 */
public record PhoneNumberRecord(UUID id, String tenantId, String phoneNumber, String isoCountry, String numberType,
        String friendlyName, String twilioSid, String twilioAccountSid, UUID addressId, String bundleSid,
        String vapiPhoneNumberId, String assistantKey, String status, String lastError, Instant createdAt,
        Instant updatedAt, Instant releasedAt) {

    public boolean active() {
        return "active".equals(status);
    }
}
