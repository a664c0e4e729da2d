package com.zorahai.tickets;

import com.zorahai.platform.ProblemException;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of a ticket, unique across tenants.
 */
public record TicketId(UUID value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    public static TicketId of(UUID value) {
        return new TicketId(value);
    }

    /** Parses a UUID; a 400 problem naming {@code field} when it is not one. */
    public static TicketId parse(String value, String field) {
        try {
            return new TicketId(UUID.fromString(value == null ? "" : value.trim()));
        } catch (IllegalArgumentException ex) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
