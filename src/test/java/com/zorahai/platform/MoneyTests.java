package com.zorahai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void roundsHalfEvenToTheCurrencyScale() {
        assertThat(Money.of("0.125", "USD").rounded().amount()).isEqualByComparingTo("0.12");
        assertThat(Money.of("0.135", "USD").rounded().amount()).isEqualByComparingTo("0.14");
        assertThat(Money.of("0.1251", "USD").rounded().amount()).isEqualByComparingTo("0.13");
        assertThat(Money.of("-0.125", "USD").rounded().amount()).isEqualByComparingTo("-0.12");
        assertThat(Money.of("2.5", "JPY").rounded().amount()).isEqualByComparingTo("2");
        assertThat(Money.of("3.5", "JPY").rounded().amount()).isEqualByComparingTo("4");
        assertThat(Money.of("1.0005", "BHD").rounded().amount()).isEqualByComparingTo("1.000");
    }

    @Test
    void roundedAmountsCarryTheCurrencyScale() {
        assertThat(Money.of("12.5", "USD").rounded().amount().toPlainString()).isEqualTo("12.50");
        assertThat(Money.of("1200", "JPY").rounded().amount().toPlainString()).isEqualTo("1200");
        assertThat(Money.of(new BigDecimal("1E+3"), JPY).rounded().amount().toPlainString()).isEqualTo("1000");
        assertThat(Money.of("7", "BHD").rounded().amount().toPlainString()).isEqualTo("7.000");
        assertThat(Money.scaleOf(USD)).isEqualTo(2);
        assertThat(Money.scaleOf(JPY)).isZero();
        assertThat(Money.scaleOf(BHD)).isEqualTo(3);
        assertThat(Money.scaleOf(Currency.getInstance("XAU"))).isEqualTo(2);
    }

    @Test
    void arithmeticKeepsFullPrecisionUntilRounded() {
        Money third = Money.of("10", "USD").times(new BigDecimal("0.3333"));
        assertThat(third.amount()).isEqualByComparingTo("3.3330");
        assertThat(third.plus(third).plus(third).rounded().amount()).isEqualByComparingTo("10.00");
        assertThat(Money.of("200", "USD").percent(new BigDecimal("15")).amount()).isEqualByComparingTo("30");
        assertThat(Money.of("5", "USD").times(3).amount()).isEqualByComparingTo("15");
        assertThat(Money.of("5", "USD").minus(Money.of("7.5", "USD")).isNegative()).isTrue();
        assertThat(Money.zero(USD).isZero()).isTrue();
    }

    @Test
    void comparesOnlyTheSameCurrency() {
        assertThat(Money.of("1.5", "USD").isEqualTo(Money.of("1.50", "USD"))).isTrue();
        assertThat(Money.of("1.5", "USD").compareTo(Money.of("2", "USD"))).isNegative();
        assertThat(Money.of("1", "USD").isEqualTo(Money.of("1", "EUR"))).isFalse();
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining(
                        "EUR");
        assertThatThrownBy(() -> Money.of("1", "USD").compareTo(Money.of("1", "ZAR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsCodeAndPlainAmount() {
        assertThat(Money.of(new BigDecimal("1.2E+3"), USD)).hasToString("USD 1200");
        assertThat(Money.of("99.90", "ZAR")).hasToString("ZAR 99.90");
    }
}
