package com.zorahai.telephony.twilio;

/**
 * A number to buy, with what its country's regulations need.
 *
 * @param addressSid the Twilio address ({@code AD...}) that meets the number's address requirement, if any
 * @param bundleSid an approved regulatory bundle ({@code BU...}), if the country needs one
 */
public record NumberPurchase(String phoneNumber, String friendlyName, String addressSid, String bundleSid) {
}
