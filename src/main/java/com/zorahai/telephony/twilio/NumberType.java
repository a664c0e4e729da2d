package com.zorahai.telephony.twilio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of numbers Twilio sells that a voice assistant can answer.
 */
public enum NumberType {
    LOCAL("local"), MOBILE("mobile"), TOLL_FREE("toll-free");

    private final String value;

    NumberType(String value) {
        this.value = value;
    }

    /** The name in JSON, e.g. {@code toll-free}. */
    public String value() {
        return value;
    }

    /** From {@code local}, {@code mobile}, {@code toll-free} or {@code toll_free}, in any case. */
    public static Optional<NumberType> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(t -> t.value.equals(normalized)).findFirst();
    }
}
