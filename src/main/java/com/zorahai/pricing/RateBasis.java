package com.zorahai.pricing;

import com.zorahai.platform.ProblemException;
import java.util.Locale;

/** Whether a hotel rate is the price of the room or of each guest, per night. */
public enum RateBasis {
    PER_ROOM, PER_PERSON;

    /** {@code per_room} or {@code per_person}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From {@code per_room} / {@code per_person} (any case, dashes allowed); a 400 naming {@code field} otherwise. */
    public static RateBasis parse(String value, String field) {
        if (value != null) {
            String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (RateBasis basis : values()) {
                if (basis.name().equals(normalized)) {
                    return basis;
                }
            }
        }
        throw ProblemException.invalidField(field, "must be per_room or per_person");
    }
}
