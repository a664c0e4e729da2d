package com.zorahai.quoting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteCalculatorTests {

    private static final Currency ZAR = Currency.getInstance("ZAR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static QuoteSettings settings(String buffer, String tax, Map<String, BigDecimal> rates) {
        return new QuoteSettings(ExchangeRates.of(rates), new BigDecimal(buffer), new BigDecimal(tax),
                new BigDecimal("20"));
    }

    private static LineDraft line(String cost, String currency, String markup, String margin, String price,
            String quantity, boolean taxable) {
        return new LineDraft(null, LineType.HOTEL, "Line", new BigDecimal(quantity),
                cost == null ? BigDecimal.ZERO : new BigDecimal(cost),
                currency == null ? null : Currency.getInstance(currency),
                markup == null ? null : new BigDecimal(markup),
                margin == null ? null : new BigDecimal(margin), price == null ? null : new BigDecimal(price), taxable);
    }

    @Test
    void markupAddsToTheCostAndMarginIsAShareOfTheSellPrice() {
        QuoteCalculator.Priced priced = QuoteCalculator.price(List.of(
                line("1000", null, "20", null, null, "1", true),
                line("1000", null, null, "20", null, "1", true)), ZAR, settings("3", "0", Map.of()));
        // markup 20 %: 1000 x 1.2; margin 20 %: 1000 / 0.8
        assertThat(priced.lines().get(0).total()).isEqualTo(Money.of("1200.00", "ZAR"));
        assertThat(priced.lines().get(1).total()).isEqualTo(Money.of("1250.00", "ZAR"));
        assertThat(priced.subtotal()).isEqualTo(Money.of("2450.00", "ZAR"));
        assertThat(priced.total()).isEqualTo(Money.of("2450.00", "ZAR"));
        assertThat(priced.tax()).isEqualTo(Money.of("0.00", "ZAR"));
    }

    @Test
    void withoutMarkupMarginOrPriceTheDefaultMarkupApplies() {
        QuoteLine line = QuoteCalculator.price(List.of(line("100", null, null, null, null, "2", true)), ZAR,
                settings("0", "0", Map.of())).lines().getFirst();
        assertThat(line.markupPercent()).isEqualByComparingTo("20");
        assertThat(line.total()).isEqualTo(Money.of("240.00", "ZAR"));
    }

    @Test
    void aGivenUnitPriceIsTheSellPrice() {
        QuoteLine line = QuoteCalculator.price(List.of(line(null, null, null, null, "350", "3", false)), ZAR,
                settings("0", "15", Map.of())).lines().getFirst();
        assertThat(line.markupPercent()).isNull();
        assertThat(line.marginPercent()).isNull();
        assertThat(line.unitPrice()).isEqualTo(Money.of("350.00", "ZAR"));
        assertThat(line.total()).isEqualTo(Money.of("1050.00", "ZAR"));
    }

    @Test
    void aLineInAnotherCurrencyIsConvertedWithTheBuffer() {
        QuoteCalculator.Priced priced = QuoteCalculator.price(List.of(line("100", "USD", "10", null, null, "2",
                true)), ZAR, settings("3", "0", Map.of("USDZAR", new BigDecimal("18.20"))));
        QuoteLine converted = priced.lines().getFirst();
        // 18.20 x 1.03 = 18.746 ZAR per USD; 100 x 1.10 = 110 USD a unit
        assertThat(converted.exchangeRate()).isEqualByComparingTo("18.746");
        assertThat(converted.unitCost()).isEqualTo(Money.of("100", "USD"));
        assertThat(converted.unitPrice()).isEqualTo(Money.of("2062.06", "ZAR"));
        assertThat(converted.total()).isEqualTo(Money.of("4124.12", "ZAR"));
    }

    @Test
    void theInverseOfAConfiguredRateConvertsTheOtherWay() {
        QuoteLine line = QuoteCalculator.price(List.of(line("1820", "ZAR", "0", null, null, "1", true)), USD,
                settings("0", "0", Map.of("USDZAR", new BigDecimal("18.20")))).lines().getFirst();
        assertThat(line.total()).isEqualTo(Money.of("100.00", "USD"));
    }

    @Test
    void aMissingRateNamesTheLineCurrency() {
        assertThatThrownBy(() -> QuoteCalculator.price(List.of(line("1", null, "0", null, null, "1", true),
                line("1", "EUR", "0", null, null, "1", true)), ZAR, settings("3", "0", Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(422);
                    assertThat(problem.type()).isEqualTo("exchange-rate-missing");
                    assertThat(problem.detail()).startsWith("lines[1].currency");
                });
    }

    @Test
    void lineTotalsRoundHalfEvenToTheCurrencyScaleOnce() {
        // 0.125 USD rounds to 0.12 and 0.135 to 0.14 (HALF_EVEN); the subtotal adds the rounded totals
        QuoteCalculator.Priced usd = QuoteCalculator.price(List.of(line("0.125", null, "0", null, null, "1", true),
                line("0.135", null, "0", null, null, "1", true)), USD, settings("0", "0", Map.of()));
        assertThat(usd.lines()).extracting(QuoteLine::total).containsExactly(Money.of("0.12", "USD"),
                Money.of("0.14", "USD"));
        assertThat(usd.subtotal()).isEqualTo(Money.of("0.26", "USD"));

        // JPY has no decimals: 2.5 rounds to 2, 3.5 to 4; rounding the total of 3 x 0.5 once gives 2 (1.5 → 2)
        QuoteCalculator.Priced jpy = QuoteCalculator.price(List.of(line("2.5", null, "0", null, null, "1", true),
                line("3.5", null, "0", null, null, "1", true), line("0.5", null, "0", null, null, "3", true)), JPY,
                settings("0", "0", Map.of()));
        assertThat(jpy.lines()).extracting(QuoteLine::total).containsExactly(Money.of("2", "JPY"),
                Money.of("4", "JPY"), Money.of("2", "JPY"));
        assertThat(jpy.lines().get(2).unitPrice()).isEqualTo(Money.of("0", "JPY"));
        assertThat(jpy.total()).isEqualTo(Money.of("8", "JPY"));
        assertThat(jpy.total().amount().scale()).isZero();
    }

    @Test
    void taxIsChargedOnTaxableLinesAndTheTotalRoundedOnce() {
        QuoteCalculator.Priced priced = QuoteCalculator.price(List.of(line("10.05", null, "0", null, null, "1",
                true), line("100", null, "0", null, null, "1", false)), USD, settings("0", "15", Map.of()));
        // 15 % of 10.05 = 1.5075 → total 111.5575 → 111.56, so the tax shown is 1.51
        assertThat(priced.subtotal()).isEqualTo(Money.of("110.05", "USD"));
        assertThat(priced.tax()).isEqualTo(Money.of("1.51", "USD"));
        assertThat(priced.total()).isEqualTo(Money.of("111.56", "USD"));
    }

    @Test
    void sameCurrencyNeedsNoRateAndNoBuffer() {
        QuoteSettings settings = settings("5", "0", Map.of());
        assertThat(settings.conversion(ZAR, ZAR)).contains(BigDecimal.ONE);
        assertThat(settings.conversion(USD, ZAR)).isEmpty();
    }
}
