package com.zorahai.quoting.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A quote as a request gives it, unchecked. For a change, {@code present} names the fields the request contains
 * (snake_case); the others keep their values.
 *
 * @param reason why a sent quote changes; required then, ignored for drafts
 */
public record QuoteInput(String clientId, String currency, LocalDate travelStart, LocalDate travelEnd,
        Integer adults, List<Integer> childrenAges, String notes, LocalDate validUntil, List<LineInput> lines,
        String reason, Set<String> present) {

    public QuoteInput {
        present = present == null ? null : Set.copyOf(present);
    }

    boolean has(String field) {
        return present == null || present.contains(field);
    }
}
