package com.zorahai.invoicing.internal;

import com.zorahai.invoicing.InvoiceId;
import com.zorahai.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment recorded on an invoice, in the invoice's currency.
 *
 * @param date the day the money was paid
 * @param recordedBy the user who recorded it
 */
public record Payment(UUID id, InvoiceId invoiceId, Money amount, LocalDate date, PaymentMethod method,
        String reference, UUID recordedBy, Instant recordedAt) {
}
