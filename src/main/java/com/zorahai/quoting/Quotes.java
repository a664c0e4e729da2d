package com.zorahai.quoting;

import com.zorahai.quoting.internal.QuoteRecords;
import com.zorahai.tenancy.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Quotes as other modules see them.
 */
@Service
public class Quotes {

    private final QuoteRecords records;

    Quotes(QuoteRecords records) {
        this.records = records;
    }

    /**
     * The accepted revision of the quote, when the quote exists for this tenant and has been accepted: its lines as
     * sold (quote currency), subtotal, tax and total exactly as the customer accepted them.
     */
    public Optional<AcceptedQuote> accepted(TenantId tenant, QuoteId quote) {
        return records.accepted(tenant, quote);
    }
}
