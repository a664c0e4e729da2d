package com.zorahai.quoting.internal;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A quote as it was at one revision: every field the customer sees and every line with its costs. Stored as JSON in
 * {@code quote_revisions.snapshot}.
 */
public record QuoteSnapshot(int revision, String number, UUID clientId, Currency currency, LocalDate travelStart,
        LocalDate travelEnd, int adults, List<Integer> childrenAges, String notes, LocalDate validUntil,
        BigDecimal taxRatePercent, Money subtotal, Money tax, Money total, List<QuoteLine> lines) {

    public QuoteSnapshot {
        childrenAges = childrenAges == null ? List.of() : List.copyOf(childrenAges);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    static QuoteSnapshot of(Quote quote) {
        return new QuoteSnapshot(quote.currentRevision(), quote.number(), quote.clientId().value(),
                quote.currency(), quote.travelStart(), quote.travelEnd(), quote.adults(), quote.childrenAges(),
                quote.notes(), quote.validUntil(), quote.taxRatePercent(), quote.subtotal(), quote.tax(),
                quote.total(), quote.lines());
    }
}
