package com.zorahai.quoting;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * A draft quote was created with the tenant's next number.
 *
 * @param total the draft's total in the quote's currency, as priced at creation
 */
public record QuoteCreated(TenantId tenantId, QuoteId quoteId, String number, ClientId clientId, Money total,
        Instant createdAt) {
}
