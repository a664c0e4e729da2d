package com.zorahai.pricing;

import com.zorahai.platform.ProblemException;
import java.util.Locale;

/** What meals a hotel rate includes. */
public enum BoardBasis {
    /** Room only. */
    RO("Room only"),
    /** Bed and breakfast. */
    BB("Bed and breakfast"),
    /** Half board: breakfast and dinner. */
    HB("Half board"),
    /** Full board: breakfast, lunch and dinner. */
    FB("Full board"),
    /** All inclusive. */
    AI("All inclusive");

    private final String description;

    BoardBasis(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** From its code ({@code RO}, {@code bb}, ...); a 400 problem naming {@code field} otherwise. */
    public static BoardBasis parse(String value, String field) {
        if (value != null) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw ProblemException.invalidField(field, "must be one of RO, BB, HB, FB, AI");
    }
}
