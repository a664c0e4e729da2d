package com.zorahai.quoting;

import com.zorahai.tenancy.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Quotes as other modules see them. (Signature fixed for other modules; the implementation lands with the quoting
 * module.)
 */
@Service
public class Quotes {

    /** The accepted revision of the quote, when the quote exists for this tenant and has been accepted. */
    public Optional<AcceptedQuote> accepted(TenantId tenant, QuoteId quote) {
        throw new IllegalStateException("pending");
    }
}
