package com.zorahai.telephony.twilio;

/**
 * An address as Twilio holds it.
 *
 * @param validated whether Twilio could validate it
 * @param verified whether Twilio verified it
 */
public record RegisteredAddress(String sid, String customerName, String street, String streetSecondary, String city,
        String region, String postalCode, String isoCountry, String friendlyName, boolean emergencyEnabled,
        Boolean validated, Boolean verified) {
}
