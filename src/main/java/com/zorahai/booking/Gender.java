package com.zorahai.booking;

import java.util.Locale;
import java.util.Optional;

/**
 * The gender a service may be priced by (laser hair removal often costs more for men).
 */
public enum Gender {
    FEMALE, MALE;

    /** The name used in JSON and in the database, e.g. {@code female}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Gender> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Gender gender : values()) {
            if (gender.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(gender);
            }
        }
        return Optional.empty();
    }
}
