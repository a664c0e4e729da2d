package com.zorahai.telephony.twilio;

/**
 * A number now owned by the Twilio account.
 *
 * @param sid Twilio's {@code PN...} id
 */
public record PurchasedNumber(String sid, String phoneNumber, String friendlyName, String accountSid) {
}
