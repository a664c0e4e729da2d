package com.zorahai.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The life of an invoice: draft → issued → partially paid → paid, or void; never deleted once issued.
 */
class InvoiceTests {

    static final Currency ZAR = Currency.getInstance("ZAR");
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static Invoice draft(String... prices) {
        List<InvoiceLine> lines = java.util.stream.IntStream.range(0, prices.length)
                .mapToObj(i -> new InvoiceLine(i, "other", "x", BigDecimal.ONE, new BigDecimal(prices[i]),
                        BigDecimal.ZERO, Money.of(new BigDecimal(prices[i]), ZAR).rounded()))
                .toList();
        return Invoice.draft(TenantId.of("unit-test"), ClientId.random(), ZAR, lines, null, null, null,
                UUID.randomUUID(), NOW);
    }

    static Money zar(String amount) {
        return Money.of(new BigDecimal(amount), ZAR);
    }

    static String problem(Runnable action) {
        try {
            action.run();
        } catch (ProblemException ex) {
            return ex.type();
        }
        throw new AssertionError("no problem");
    }

    @Test
    void issuingGivesNumberDatesReferenceAndBanking() {
        Invoice invoice = draft("100");
        BankingDetails banking = new BankingDetails("Bank", null, "123", null, null, null);
        invoice.issue("INV-000007", TODAY, 14, banking, NOW);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.number()).isEqualTo("INV-000007");
        assertThat(invoice.dueDate()).isEqualTo(TODAY.plusDays(14));
        assertThat(invoice.paymentReference()).isEqualTo("INV-000007");
        assertThat(invoice.banking()).isEqualTo(banking);
        assertThat(invoice.isOverdueOn(TODAY.plusDays(14))).isFalse();
        assertThat(invoice.isOverdueOn(TODAY.plusDays(15))).isTrue();
        assertThat(problem(() -> invoice.issue("INV-000008", TODAY, 14, null, NOW))).isEqualTo("invoice-not-draft");
        assertThat(problem(invoice::requireDeletable)).isEqualTo("invoice-not-deletable");
    }

    @Test
    void paymentsMoveThroughPartiallyPaidToPaid() {
        Invoice invoice = draft("100", "15.50");
        assertThat(problem(() -> invoice.pay(zar("1"), TODAY, PaymentMethod.EFT, null, null, NOW)))
                .isEqualTo("invoice-not-payable");
        invoice.issue("INV-000001", TODAY, 0, null, NOW);
        invoice.pay(zar("15.5"), TODAY, PaymentMethod.EFT, null, null, NOW);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice.balance().amount()).isEqualTo("100.00");
        assertThat(problem(() -> invoice.pay(zar("100.01"), TODAY, PaymentMethod.EFT, null, null, NOW)))
                .isEqualTo("invoice-overpayment");
        Payment last = invoice.pay(zar("100"), TODAY, PaymentMethod.CASH, "till", null, NOW);
        assertThat(last.amount().amount()).isEqualTo("100.00");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.paidAt()).isEqualTo(NOW);
        assertThat(invoice.isOverdueOn(TODAY.plusDays(30))).isFalse();
        assertThat(problem(() -> invoice.voidFor("late", NOW))).isEqualTo("invoice-not-voidable");
        assertThatThrownBy(() -> invoice.pay(Money.of(BigDecimal.ONE, Currency.getInstance("USD")), TODAY,
                PaymentMethod.EFT, null, null, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void voidingKeepsNumberAndPaymentsAndEndsTheInvoice() {
        Invoice invoice = draft("100");
        assertThat(problem(() -> invoice.voidFor("x", NOW))).isEqualTo("invoice-not-voidable");
        invoice.issue("INV-000002", TODAY, 14, null, NOW);
        invoice.pay(zar("10"), TODAY, PaymentMethod.CARD, null, null, NOW);
        invoice.voidFor("Cancelled", NOW);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(invoice.number()).isEqualTo("INV-000002");
        assertThat(invoice.amountPaid().amount()).isEqualTo("10.00");
        assertThat(invoice.isOverdueOn(TODAY.plusDays(60))).isFalse();
        assertThat(problem(() -> invoice.pay(zar("1"), TODAY, PaymentMethod.EFT, null, null, NOW)))
                .isEqualTo("invoice-not-payable");
        assertThat(problem(invoice::requireDeletable)).isEqualTo("invoice-not-deletable");
    }

    @Test
    void anInvoiceOfNothingIsPaidAsItIsIssuedAndOneWithoutLinesIsNotIssued() {
        Invoice free = draft("0");
        free.issue("INV-000003", TODAY, 14, null, NOW);
        assertThat(free.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(problem(() -> draft().issue("INV-000004", TODAY, 14, null, NOW)))
                .isEqualTo("invoice-has-no-lines");
    }

    @Test
    void statusesAndMethodsHaveStableNames() {
        assertThat(InvoiceStatus.find(" Partially_Paid ")).hasValue(InvoiceStatus.PARTIALLY_PAID);
        assertThat(InvoiceStatus.find("lost")).isEmpty();
        assertThat(InvoiceStatus.find(null)).isEmpty();
        assertThat(PaymentMethod.find("EFT")).hasValue(PaymentMethod.EFT);
        assertThat(PaymentMethod.find(null)).isEmpty();
        assertThat(Traveler.mask("AB12")).isEqualTo("****");
        assertThat(Traveler.mask("M12345678")).isEqualTo("****5678");
        assertThat(Traveler.mask(null)).isNull();
    }

    @Test
    void amountsInEmailsAreWrittenAtTheCurrencyScale() {
        assertThat(InvoiceDocuments.format(zar("1234.5"), java.util.Locale.ENGLISH)).isEqualTo("ZAR 1,234.50");
        assertThat(InvoiceDocuments.format(Money.of(new BigDecimal("1234.5"), Currency.getInstance("JPY")),
                java.util.Locale.ENGLISH)).isEqualTo("JPY 1,234");
    }
}
