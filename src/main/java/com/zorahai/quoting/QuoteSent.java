package com.zorahai.quoting;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * A quote was sent to the customer (first send or a later one); published once per send, in the transaction that
 * queued the email.
 *
 * @param total the total of the revision that was sent, in the quote's currency
 */
public record QuoteSent(TenantId tenantId, QuoteId quoteId, String number, ClientId clientId, Money total,
        Instant sentAt) {
}
