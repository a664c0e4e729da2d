package com.zorahai.telephony.twilio;

/**
 * A number Twilio offers for sale.
 *
 * @param addressRequirements {@code none}, {@code any}, {@code local} or {@code foreign}: what address buying it
 *        needs
 */
public record AvailableNumber(String phoneNumber, String friendlyName, String locality, String region,
        String isoCountry, String postalCode, String addressRequirements, boolean voice, boolean sms, boolean mms) {
}
