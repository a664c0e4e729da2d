package com.zorahai.invoicing.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * How a payment was made.
 */
public enum PaymentMethod {
    EFT, CARD, CASH, OTHER;

    /** The name used in JSON and in the database, e.g. {@code eft}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentMethod> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (PaymentMethod method : values()) {
            if (method.value().equals(wanted)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
