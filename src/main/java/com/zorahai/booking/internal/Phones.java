package com.zorahai.booking.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers in E.164, as reminders and the CRM need them.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * The number in E.164: given with its country code ({@code +961 3 123 456}, {@code whatsapp:+9613123456}), or
     * national in {@code region} when there is one. Empty when it is not a valid number.
     */
    public static Optional<String> e164(String raw, String region) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        String value = raw.strip();
        for (String prefix : new String[]{"whatsapp:", "tel:"}) {
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                value = value.substring(prefix.length()).strip();
            }
        }
        if (value.startsWith("00")) {
            value = "+" + value.substring(2);
        }
        if (!value.startsWith("+") && region == null) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(value, value.startsWith("+") ? null : region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException ex) {
            return Optional.empty();
        }
    }
}
