package com.zorahai.tickets;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a ticket came from, and so how the requester is answered.
 */
public enum TicketChannel {
    EMAIL, WHATSAPP, PHONE, HELPDESK;

    /** The name used in JSON and in the database, e.g. {@code whatsapp}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketChannel> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (TicketChannel channel : values()) {
            if (channel.value().equals(wanted)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
