package com.zorahai.telephony.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.zorahai.platform.ProblemException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phone numbers in E.164, and the time zones a number may ring in.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /** The number in E.164; a 400 naming {@code field} unless it is a valid international number. */
    public static String e164(String value, String field) {
        return parseE164(value).orElseThrow(() -> ProblemException.invalidField(field,
                "must be a valid phone number in international format, e.g. +27215550123"));
    }

    /** The number in E.164 when it is a valid international number ({@code +} and country code). */
    public static Optional<String> parseE164(String value) {
        Optional<Phonenumber.PhoneNumber> parsed = parse(value);
        return parsed.map(n -> UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /** The ISO country of a valid number, e.g. {@code ZA}. */
    public static Optional<String> country(String e164) {
        return parse(e164).map(UTIL::getRegionCodeForNumber).filter(r -> r != null && !r.equals("ZZ"));
    }

    /**
     * The time zones the number may ring in, from its country and area code; empty when unknown (e.g. a
     * non-geographic number).
     */
    public static List<ZoneId> timeZones(String e164) {
        Optional<Phonenumber.PhoneNumber> parsed = parse(e164);
        if (parsed.isEmpty()) {
            return List.of();
        }
        List<ZoneId> zones = new ArrayList<>();
        for (String id : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(parsed.get())) {
            if (PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(id)) {
                continue;
            }
            try {
                zones.add(ZoneId.of(id));
            } catch (DateTimeException ex) {
                // a zone this JDK does not know: leave it out
            }
        }
        return zones;
    }

    private static Optional<Phonenumber.PhoneNumber> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 32) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (!trimmed.startsWith("+")) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(trimmed, "ZZ");
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException ex) {
            return Optional.empty();
        }
    }
}
