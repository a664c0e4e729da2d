package com.zorahai.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency. Arithmetic keeps full precision; {@link #rounded()} rounds to the
 * currency's minor unit (two decimals for USD, none for JPY, three for BHD) with {@link RoundingMode#HALF_EVEN}, so
 * amounts shown to people and stored on documents are always rounded the same way. Money never goes through
 * {@code double}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** How amounts are rounded to the currency's scale everywhere. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** From a decimal string such as {@code "12.50"} and a currency code such as {@code "USD"}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The number of decimals of the currency's minor unit; currencies without one (such as gold, {@code XAU}) use
     * two.
     */
    public static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /** This amount as a percentage, e.g. {@code percent(15)} of 200 is 30. Not rounded. */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).movePointLeft(2), currency);
    }

    /** Rounded to the currency's minor unit with HALF_EVEN: 0.125 USD is 0.12, 0.135 USD is 0.14, 2.5 JPY is 2. */
    public Money rounded() {
        return new Money(amount.setScale(scaleOf(currency), ROUNDING), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Compares amounts of the same currency; a different currency is an error, never a silent conversion. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Equal in value and currency regardless of scale: 1.5 USD equals 1.50 USD. */
    public boolean isEqualTo(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency.getCurrencyCode() + " with "
                    + other.currency.getCurrencyCode());
        }
    }

    /** {@code USD 12.50}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
