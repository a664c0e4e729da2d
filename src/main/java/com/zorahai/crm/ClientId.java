package com.zorahai.crm;

import com.zorahai.platform.ProblemException;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of a client, unique across tenants.
 */
public record ClientId(UUID value) {

    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    public static ClientId of(UUID value) {
        return new ClientId(value);
    }

    /** Parses a UUID; a 400 problem naming {@code field} when it is not one. */
    public static ClientId parse(String value, String field) {
        try {
            return new ClientId(UUID.fromString(value == null ? "" : value.trim()));
        } catch (IllegalArgumentException ex) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    public static ClientId random() {
        return new ClientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
