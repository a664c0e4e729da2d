package com.zorahai.invoicing;

import com.zorahai.platform.ProblemException;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of an invoice, unique across tenants.
 */
public record InvoiceId(UUID value) {

    public InvoiceId {
        Objects.requireNonNull(value, "value");
    }

    public static InvoiceId of(UUID value) {
        return new InvoiceId(value);
    }

    public static InvoiceId random() {
        return new InvoiceId(UUID.randomUUID());
    }

    /** Parses a UUID; a 400 problem naming {@code field} when it is not one. */
    public static InvoiceId parse(String value, String field) {
        try {
            return new InvoiceId(UUID.fromString(value == null ? "" : value.trim()));
        } catch (IllegalArgumentException ex) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
