package com.zorahai.quoting;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The revision of a quote the customer accepted: what an invoice is made from. Amounts are in the quote's currency.
 *
 * @param number the tenant's quote number, e.g. {@code Q-000123}
 * @param revision the accepted revision (1 for the first one sent)
 */
public record AcceptedQuote(TenantId tenantId, QuoteId quoteId, String number, int revision, ClientId clientId,
        Currency currency, LocalDate travelStart, LocalDate travelEnd, List<Line> lines, Money subtotal, Money tax,
        Money total, Instant acceptedAt) {

    /**
     * A line as sold to the customer (costs and markups stay in the quote).
     *
     * @param type hotel, flight, transfer, activity, insurance or fee
     * @param taxRate percent, e.g. {@code 15} for 15 %; zero when the line is not taxed
     */
    public record Line(String type, String description, BigDecimal quantity, Money unitPrice, Money total,
            BigDecimal taxRate) {
    }
}
