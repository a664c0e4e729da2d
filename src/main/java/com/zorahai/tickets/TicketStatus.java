package com.zorahai.tickets;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a ticket is in its life: {@code open → pending → resolved → closed}. An open ticket may be resolved at
 * once, a pending one goes back to open when the requester answers, a resolved one is reopened or closed, and a
 * closed one is final.
 */
public enum TicketStatus {
    OPEN, PENDING, RESOLVED, CLOSED;

    /** The name used in JSON and in the database, e.g. {@code pending}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statuses this one may change to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(PENDING, RESOLVED);
            case PENDING -> EnumSet.of(OPEN, RESOLVED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return next().contains(target);
    }

    public static Optional<TicketStatus> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (TicketStatus status : values()) {
            if (status.value().equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
