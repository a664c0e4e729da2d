package com.zorahai.quoting;

import com.zorahai.platform.Money;

/**
 * The draft quote made from a travel request.
 *
 * @param number the tenant's quote number, e.g. {@code Q-000123}
 * @param priced whether a hotel line was priced from the tenant's rates; false for an empty draft
 * @param total the draft's total (zero for an empty draft)
 * @param pricingNote why the draft is empty or over budget, when it is; null otherwise
 */
public record DraftQuote(QuoteId id, String number, boolean priced, Money total, String pricingNote) {
}
