package com.zorahai.telephony.twilio;

/**
 * What numbers to look for.
 *
 * @param country ISO 3166-1 alpha-2, upper case
 * @param type local, mobile or toll-free
 * @param areaCode US and Canada only
 * @param contains digits and letters, {@code *} matching any one character
 */
public record NumberSearch(String country, NumberType type, Integer areaCode, String contains, boolean voiceEnabled,
        int limit) {
}
