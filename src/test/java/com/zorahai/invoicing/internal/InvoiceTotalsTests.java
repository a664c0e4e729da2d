package com.zorahai.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Money on invoices: every amount rounded HALF_EVEN at the currency's scale, tax rounded once per rate.
 */
class InvoiceTotalsTests {

    static final Currency USD = Currency.getInstance("USD");
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency BHD = Currency.getInstance("BHD");

    static InvoiceLine line(String quantity, String price, String rate, Currency currency) {
        return new InvoiceLine(0, "other", "x", new BigDecimal(quantity), new BigDecimal(price),
                new BigDecimal(rate), InvoiceTotals.lineTotal(new BigDecimal(quantity), new BigDecimal(price),
                        currency));
    }

    @Test
    void lineTotalsRoundHalfEvenToTheCurrencyScale() {
        assertThat(InvoiceTotals.lineTotal(new BigDecimal("1"), new BigDecimal("0.125"), USD).amount())
                .isEqualTo("0.12");
        assertThat(InvoiceTotals.lineTotal(new BigDecimal("1"), new BigDecimal("0.135"), USD).amount())
                .isEqualTo("0.14");
        assertThat(InvoiceTotals.lineTotal(new BigDecimal("1"), new BigDecimal("0.1251"), USD).amount())
                .isEqualTo("0.13");
        assertThat(InvoiceTotals.lineTotal(new BigDecimal("3"), new BigDecimal("0.8333"), USD).amount())
                .isEqualTo("2.50");
        assertThat(InvoiceTotals.lineTotal(new BigDecimal("1"), new BigDecimal("2.5"), JPY).amount())
                .isEqualTo("2");
        assertThat(InvoiceTotals.lineTotal(new BigDecimal("1"), new BigDecimal("3.5"), JPY).amount())
                .isEqualTo("4");
        assertThat(InvoiceTotals.lineTotal(new BigDecimal("1"), new BigDecimal("1.0005"), BHD).amount())
                .isEqualTo("1.000");
        assertThat(InvoiceTotals.lineTotal(new BigDecimal("1"), new BigDecimal("1.0015"), BHD).amount())
                .isEqualTo("1.002");
    }

    @Test
    void taxIsRoundedOncePerRateNotPerLine() {
        // per line: 0.015 → 0.02 (×3 = 0.06); per rate: 15 % of 0.30 = 0.045 → 0.04
        List<InvoiceLine> lines = List.of(line("1", "0.10", "15", USD), line("1", "0.10", "15", USD),
                line("1", "0.10", "15", USD));
        InvoiceTotals totals = InvoiceTotals.of(lines, USD);
        assertThat(totals.subtotal().amount()).isEqualTo("0.30");
        assertThat(totals.tax().amount()).isEqualTo("0.04");
        assertThat(totals.total().amount()).isEqualTo("0.34");
    }

    @Test
    void ratesAddUpSeparatelyAndZeroRatedLinesCarryNoTax() {
        List<InvoiceLine> lines = List.of(line("2", "100", "15", USD), line("1", "50", "7.5", USD),
                line("1", "80", "0", USD), line("1", "10", "15.000", USD));
        InvoiceTotals totals = InvoiceTotals.of(lines, USD);
        // 15 % of 210 = 31.50; 7.5 % of 50 = 3.75
        assertThat(totals.subtotal().amount()).isEqualTo("340.00");
        assertThat(totals.tax().amount()).isEqualTo("35.25");
        assertThat(totals.total().amount()).isEqualTo("375.25");
    }

    @Test
    void anEmptyInvoiceIsZeroAtTheCurrencyScale() {
        assertThat(InvoiceTotals.of(List.of(), USD).total()).isEqualTo(Money.of(new BigDecimal("0.00"), USD));
        assertThat(InvoiceTotals.of(List.of(), JPY).total().amount()).isEqualTo("0");
        assertThat(InvoiceTotals.of(List.of(), BHD).total().amount()).isEqualTo("0.000");
    }

    @Test
    void aDiscountLineLowersSubtotalAndTax() {
        List<InvoiceLine> lines = List.of(line("1", "100", "10", USD), line("1", "-20", "10", USD));
        InvoiceTotals totals = InvoiceTotals.of(lines, USD);
        assertThat(totals.subtotal().amount()).isEqualTo("80.00");
        assertThat(totals.tax().amount()).isEqualTo("8.00");
    }
}
