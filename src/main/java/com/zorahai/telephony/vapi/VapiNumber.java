package com.zorahai.telephony.vapi;

/**
 * A phone number as VAPI holds it.
 *
 * @param status {@code active}, {@code activating} or {@code blocked}
 */
public record VapiNumber(String id, String number, String assistantId, String status, String serverUrl) {
}
