package com.zorahai.invoicing;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * An issued invoice was voided: it keeps its number and payments but asks for nothing any more.
 */
public record InvoiceVoided(TenantId tenantId, InvoiceId invoiceId, String number, ClientId clientId,
        Instant voidedAt) {
}
