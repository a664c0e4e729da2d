package com.zorahai.documents;

import com.zorahai.platform.Money;
import com.zorahai.tenancy.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice PDF shows; templates read it as {@code invoice} (amounts and dates already written out in the
 * tenant's locale, see {@code docs/documents.md}). Optional fields may be null; lists may be empty, never null once
 * built.
 *
 * @param number the tenant's invoice number, e.g. {@code INV-000042}
 * @param quoteNumber the number of the quote the invoice was made from, if any
 * @param paymentReference what the customer quotes with a bank transfer
 * @param payments payments received so far, oldest first
 * @param balance what is still owed
 * @param banking the account to pay into; null prints the tenant's own banking details
 */
public record InvoiceDocument(String number, LocalDate issuedOn, LocalDate dueOn, String quoteNumber,
        DocumentClient client, String destination, LocalDate travelStart, LocalDate travelEnd,
        List<String> travellers, List<DocumentLine> lines, Money subtotal, Money tax, Money total,
        List<DocumentPayment> payments, Money balance, String paymentReference, Tenant.Banking banking,
        String notes) {

    public InvoiceDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(total, "total");
        travellers = travellers == null ? List.of() : List.copyOf(travellers);
        lines = lines == null ? List.of() : List.copyOf(lines);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }
}
