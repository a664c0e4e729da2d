package com.zorahai.quoting.internal;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A priced quote line.
 *
 * @param unitCost what one unit costs the agency, in the line currency
 * @param markupPercent the markup used, or null
 * @param marginPercent the margin used, or null; both null when the sell price was given
 * @param unitSell the sell price of one unit in the line currency, unrounded
 * @param exchangeRate line currency to quote currency with the conversion buffer; 1 for the same currency
 * @param unitPrice the sell price of one unit in the quote currency, rounded (for display)
 * @param total quantity × unit sell × exchange rate, rounded once to the quote currency (HALF_EVEN)
 */
public record QuoteLine(UUID id, LineType type, String description, BigDecimal quantity, Money unitCost,
        BigDecimal markupPercent, BigDecimal marginPercent, BigDecimal unitSell, BigDecimal exchangeRate,
        Money unitPrice, Money total, boolean taxable) {
}
