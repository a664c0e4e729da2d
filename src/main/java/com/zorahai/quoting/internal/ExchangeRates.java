package com.zorahai.quoting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * Configured exchange rates, keyed {@code USDZAR} (units of ZAR per USD). A pair given one way also converts the
 * other way, by its inverse.
 */
public record ExchangeRates(Map<String, BigDecimal> rates) {

    /** Digits kept when a rate is inverted. */
    static final int INVERSE_SCALE = 10;

    public static ExchangeRates of(Map<String, BigDecimal> rates) {
        return new ExchangeRates(Map.copyOf(rates));
    }

    /** Units of {@code to} per unit of {@code from}: 1 for the same currency, empty when no rate is configured. */
    public Optional<BigDecimal> rate(Currency from, Currency to) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        BigDecimal direct = rates.get(from.getCurrencyCode() + to.getCurrencyCode());
        if (direct != null) {
            return Optional.of(direct);
        }
        BigDecimal inverse = rates.get(to.getCurrencyCode() + from.getCurrencyCode());
        return inverse == null
                ? Optional.empty()
                : Optional.of(BigDecimal.ONE.divide(inverse, INVERSE_SCALE, RoundingMode.HALF_EVEN));
    }

    static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
