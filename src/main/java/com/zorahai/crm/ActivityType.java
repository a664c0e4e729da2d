package com.zorahai.crm;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of interaction an entry of a client's timeline records.
 */
public enum ActivityType {
    NOTE, EMAIL_IN, EMAIL_OUT, QUOTE_SENT, QUOTE_ACCEPTED, INVOICE_ISSUED, INVOICE_PAID, CALL, WHATSAPP, TICKET;

    /** The name used in JSON and in the database, e.g. {@code quote_sent}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActivityType> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ActivityType type : values()) {
            if (type.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
