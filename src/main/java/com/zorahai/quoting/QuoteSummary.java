package com.zorahai.quoting;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A quote's header as other modules see it.
 *
 * @param status {@code draft}, {@code sent}, {@code accepted}, {@code declined} or {@code expired}
 */
public record QuoteSummary(QuoteId id, String number, ClientId clientId, String status, LocalDate travelStart,
        LocalDate travelEnd, int adults, List<Integer> childrenAges, Money total) {

    public QuoteSummary {
        childrenAges = childrenAges == null ? List.of() : List.copyOf(childrenAges);
    }
}
