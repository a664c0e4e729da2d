package com.zorahai.tickets;

import java.util.Locale;
import java.util.Optional;

/**
 * How urgent a ticket is; each priority has its own response time in the tenant's ticket settings.
 */
public enum TicketPriority {
    URGENT, HIGH, NORMAL, LOW;

    /** The name used in JSON and in the database, e.g. {@code urgent}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketPriority> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (TicketPriority priority : values()) {
            if (priority.value().equals(wanted)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }
}
