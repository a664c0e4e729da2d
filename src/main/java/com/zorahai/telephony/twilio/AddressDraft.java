package com.zorahai.telephony.twilio;

/**
 * An address to register with Twilio; {@code isoCountry} is ISO 3166-1 alpha-2.
 */
public record AddressDraft(String customerName, String street, String streetSecondary, String city, String region,
        String postalCode, String isoCountry, String friendlyName, boolean emergencyEnabled) {
}
