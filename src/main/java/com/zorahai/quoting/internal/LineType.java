package com.zorahai.quoting.internal;

import com.zorahai.platform.ProblemException;
import java.util.Locale;

/** What a quote line sells. */
public enum LineType {
    HOTEL, FLIGHT, TRANSFER, ACTIVITY, INSURANCE, FEE;

    /** The name in JSON and in the database, e.g. {@code hotel}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From its name in any case; null when there is no such type. */
    public static LineType valueOfName(String value) {
        if (value != null) {
            for (LineType type : values()) {
                if (type.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
        }
        return null;
    }

    /** From its name in any case; a 400 problem naming {@code field} otherwise. */
    public static LineType parse(String value, String field) {
        if (value != null) {
            for (LineType type : values()) {
                if (type.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
        }
        throw ProblemException.invalidField(field,
                "must be one of hotel, flight, transfer, activity, insurance, fee");
    }
}
