package com.zorahai.telephony.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code telephony_addresses}: an address registered with Twilio.
 */
public record AddressRecord(UUID id, String tenantId, String twilioSid, String customerName, String street,
        String streetSecondary, String city, String region, String postalCode, String isoCountry,
        String friendlyName, boolean emergencyEnabled, Boolean validated, Boolean verified, Instant createdAt,
        Instant refreshedAt) {
}
