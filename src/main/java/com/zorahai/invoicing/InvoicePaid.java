package com.zorahai.invoicing;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * The payments recorded on an invoice reached its total.
 */
public record InvoicePaid(TenantId tenantId, InvoiceId invoiceId, String number, ClientId clientId, Money total,
        Instant paidAt) {
}
