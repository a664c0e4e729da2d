package com.zorahai.crm;

import java.util.Locale;
import java.util.Optional;

/**
 * The channel a client first came from.
 */
public enum ClientSource {
    EMAIL, WHATSAPP, PHONE, WEB, MANUAL;

    /** The name used in JSON and in the database, e.g. {@code whatsapp}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClientSource> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ClientSource source : values()) {
            if (source.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
