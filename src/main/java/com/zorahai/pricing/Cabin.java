package com.zorahai.pricing;

import com.zorahai.platform.ProblemException;
import java.util.Locale;

/** The cabin class of a flight fare. */
public enum Cabin {
    ECONOMY, PREMIUM_ECONOMY, BUSINESS, FIRST;

    /** {@code economy}, {@code premium_economy}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From its value (any case, dashes or spaces allowed); a 400 problem naming {@code field} otherwise. */
    public static Cabin parse(String value, String field) {
        if (value != null) {
            String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Cabin cabin : values()) {
                if (cabin.name().equals(normalized)) {
                    return cabin;
                }
            }
        }
        throw ProblemException.invalidField(field, "must be one of economy, premium_economy, business, first");
    }
}
