package com.zorahai.booking;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a booking came from: the WhatsApp assistant, a phone call, a web form, or the clinic's staff.
 */
public enum Channel {
    WHATSAPP, PHONE, WEB, STAFF;

    /** The name used in JSON and in the database, e.g. {@code whatsapp}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Channel channel : values()) {
            if (channel.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
