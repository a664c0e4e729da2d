package com.zorahai.documents.web;

import com.zorahai.documents.DocumentClient;
import com.zorahai.documents.DocumentLine;
import com.zorahai.documents.DocumentPayment;
import com.zorahai.documents.InvoiceDocument;
import com.zorahai.documents.QuoteDocument;
import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** A made-up quote and invoice that previews render templates with, in the tenant's currency. */
final class SampleDocuments {

    private SampleDocuments() {
    }

    static QuoteDocument quote(Currency currency, LocalDate today) {
        List<DocumentLine> lines = lines(currency);
        Money subtotal = sum(lines, currency);
        Money tax = subtotal.percent(new BigDecimal("15")).rounded();
        return new QuoteDocument("Q-000123", today, today.plusDays(14), client(), "Cape Town",
                today.plusMonths(2), today.plusMonths(2).plusDays(7), travellers(), lines, subtotal, tax,
                subtotal.plus(tax), "Prices hold until the date above, subject to availability.",
                "https://example.com/accept/sample");
    }

    static InvoiceDocument invoice(Currency currency, LocalDate today) {
        List<DocumentLine> lines = lines(currency);
        Money subtotal = sum(lines, currency);
        Money tax = subtotal.percent(new BigDecimal("15")).rounded();
        Money total = subtotal.plus(tax);
        Money deposit = total.percent(new BigDecimal("30")).rounded();
        return new InvoiceDocument("INV-000042", today, today.plusDays(7), "Q-000123", client(), "Cape Town",
                today.plusMonths(2), today.plusMonths(2).plusDays(7), travellers(), lines, subtotal, tax, total,
                List.of(new DocumentPayment(today, "EFT", "Deposit", deposit)), total.minus(deposit), "INV-000042",
                null, "Thank you for travelling with us.");
    }

    private static DocumentClient client() {
        return new DocumentClient("Zoë Ødegård", "zoe@example.com", "+27 21 555 0100",
                "12 Long Street\nCape Town 8001\nSouth Africa");
    }

    private static List<String> travellers() {
        return List.of("Zoë Ødegård", "Дмитрий Иванов", "Σοφία Παπαδοπούλου");
    }

    private static List<DocumentLine> lines(Currency currency) {
        return List.of(
                line("Hotel: 7 nights, sea-view double room, breakfast", "7", "1850.00", currency),
                line("Return flights JNB – CPT, economy", "3", "2399.50", currency),
                line("Airport transfers", "2", "450.00", currency));
    }

    private static DocumentLine line(String description, String quantity, String unitPrice, Currency currency) {
        BigDecimal qty = new BigDecimal(quantity);
        Money unit = Money.of(new BigDecimal(unitPrice), currency);
        return new DocumentLine(description, qty, unit, unit.times(qty).rounded());
    }

    private static Money sum(List<DocumentLine> lines, Currency currency) {
        Money total = Money.zero(currency);
        for (DocumentLine line : lines) {
            total = total.plus(line.total());
        }
        return total;
    }
}
