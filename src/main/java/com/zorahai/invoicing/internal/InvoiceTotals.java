package com.zorahai.invoicing.internal;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sums of an invoice. A line total is {@code quantity × unit price} rounded to the currency's minor unit; the
 * subtotal is the sum of the line totals; tax is worked out per tax rate on the sum of the lines with that rate and
 * rounded once per rate (so many small lines do not pile up rounding differences); the total is subtotal plus tax.
 * Every rounding is HALF_EVEN at the currency's scale ({@link Money#rounded()}).
 */
record InvoiceTotals(Money subtotal, Money tax, Money total) {

    static InvoiceTotals of(List<InvoiceLine> lines, Currency currency) {
        Money subtotal = Money.zero(currency).rounded();
        Map<BigDecimal, Money> byRate = new TreeMap<>();
        for (InvoiceLine line : lines) {
            subtotal = subtotal.plus(line.total());
            byRate.merge(line.taxRate().stripTrailingZeros(), line.total(), Money::plus);
        }
        Money tax = Money.zero(currency).rounded();
        for (Map.Entry<BigDecimal, Money> rate : byRate.entrySet()) {
            tax = tax.plus(rate.getValue().percent(rate.getKey()).rounded());
        }
        return new InvoiceTotals(subtotal, tax, subtotal.plus(tax));
    }

    /** {@code quantity × unitPrice} in the currency, rounded HALF_EVEN to its minor unit. */
    static Money lineTotal(BigDecimal quantity, BigDecimal unitPrice, Currency currency) {
        return Money.of(quantity.multiply(unitPrice), currency).rounded();
    }
}
