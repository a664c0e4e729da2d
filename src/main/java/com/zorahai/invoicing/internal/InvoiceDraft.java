package com.zorahai.invoicing.internal;

import java.util.List;

/**
 * An invoice as a request gives it (create, or the fields of a change). {@code currency} defaults to the tenant's;
 * {@code paymentReference} to the invoice number at issue; {@code paymentTermsDays} to
 * {@code zorah.invoicing.payment-terms-days}.
 */
public record InvoiceDraft(String clientId, String currency, List<LineDraft> lines, String notes,
        String paymentReference, Integer paymentTermsDays) {
}
