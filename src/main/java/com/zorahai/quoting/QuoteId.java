package com.zorahai.quoting;

import java.util.UUID;

/**
 * The id of a quote.
 */
public record QuoteId(UUID value) {

    public QuoteId {
        if (value == null) {
            throw new IllegalArgumentException("quote id must not be null");
        }
    }

    public static QuoteId of(UUID value) {
        return new QuoteId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
