package com.zorahai.invoicing;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.quoting.QuoteId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice was issued: it has its number and dates and can no longer change.
 *
 * @param quoteId the quote it was made from; null for a standalone invoice
 */
public record InvoiceIssued(TenantId tenantId, InvoiceId invoiceId, String number, ClientId clientId,
        QuoteId quoteId, Money total, LocalDate issueDate, LocalDate dueDate, Instant issuedAt) {
}
