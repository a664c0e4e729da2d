package com.zorahai.quoting;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * A customer accepted a revision of a quote through its accept link.
 */
public record QuoteAccepted(TenantId tenantId, QuoteId quoteId, String number, int revision, ClientId clientId,
        Instant acceptedAt) {
}
