package com.zorahai.documents;

import com.zorahai.platform.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment received against an invoice.
 *
 * @param method how it was paid, e.g. {@code EFT} or {@code Card}; may be null
 * @param reference the payer's or bank's reference; may be null
 */
public record DocumentPayment(LocalDate receivedOn, String method, String reference, Money amount) {

    public DocumentPayment {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(amount, "amount");
    }
}
