package com.zorahai.quoting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * The money settings in force for one tenant.
 *
 * @param conversionBufferPercent added to every converted amount
 */
public record QuoteSettings(ExchangeRates rates, BigDecimal conversionBufferPercent, BigDecimal taxRatePercent,
        BigDecimal defaultMarkupPercent) {

    /**
     * What one unit of {@code from} is worth in {@code to} on a quote: the configured rate plus the buffer; exactly 1
     * for the same currency (no buffer). Empty when no rate is configured for the pair.
     */
    public Optional<BigDecimal> conversion(Currency from, Currency to) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        BigDecimal buffer = BigDecimal.ONE.add(conversionBufferPercent.movePointLeft(2));
        return rates.rate(from, to).map(rate -> rate.multiply(buffer).setScale(ExchangeRates.INVERSE_SCALE,
                RoundingMode.HALF_EVEN).stripTrailingZeros());
    }
}
