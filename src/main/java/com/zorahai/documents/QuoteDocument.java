package com.zorahai.documents;

import com.zorahai.platform.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a quote PDF shows; templates read it as {@code quote} (amounts and dates already written out in the tenant's
 * locale, see {@code docs/documents.md}). Optional fields may be null; lists may be empty, never null once built.
 *
 * @param number the tenant's quote number, e.g. {@code Q-000123}
 * @param validUntil the last day the prices hold
 * @param destination where the trip goes, e.g. {@code Cape Town}
 * @param travellers the travellers' names as printed
 * @param acceptUrl the link the customer accepts the quote with
 */
public record QuoteDocument(String number, LocalDate issuedOn, LocalDate validUntil, DocumentClient client,
        String destination, LocalDate travelStart, LocalDate travelEnd, List<String> travellers,
        List<DocumentLine> lines, Money subtotal, Money tax, Money total, String notes, String acceptUrl) {

    public QuoteDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(total, "total");
        travellers = travellers == null ? List.of() : List.copyOf(travellers);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
