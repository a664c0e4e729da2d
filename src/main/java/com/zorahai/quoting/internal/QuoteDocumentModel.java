package com.zorahai.quoting.internal;

import com.zorahai.documents.DocumentClient;
import com.zorahai.documents.DocumentLine;
import com.zorahai.documents.QuoteDocument;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The quote as the customer sees it on its PDF ({@code documents/quote}): customer prices and totals only, costs,
 * markups and margins stay out. Also the money text of the quote email ({@code ZAR 12,345.00}).
 */
final class QuoteDocumentModel {

    private QuoteDocumentModel() {
    }

    /**
     * @param clientName the client's name, or null when unknown (erased)
     * @param acceptLink the link the customer accepts with, or null (a PDF downloaded by staff)
     */
    static QuoteDocument of(QuoteSnapshot quote, LocalDate issuedOn, String clientName, String clientEmail,
            String acceptLink) {
        List<DocumentLine> lines = new ArrayList<>();
        for (QuoteLine line : quote.lines()) {
            lines.add(new DocumentLine(line.description(), line.quantity(), line.unitPrice(), line.total()));
        }
        String travellers = travellers(quote.adults(), quote.childrenAges());
        return new QuoteDocument(quote.number(), issuedOn, quote.validUntil(),
                new DocumentClient(clientName == null ? "" : clientName, clientEmail, null, null), null,
                quote.travelStart(), quote.travelEnd(), List.of(travellers), lines, quote.subtotal(), quote.tax(),
                quote.total(), quote.notes(), acceptLink);
    }

    /** {@code ZAR 12,345.00}: the currency code and the amount at the currency's scale, grouped per locale. */
    static String format(Money money, Locale locale) {
        int scale = Money.scaleOf(money.currency());
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(scale);
        number.setMaximumFractionDigits(scale);
        number.setRoundingMode(Money.ROUNDING);
        return money.currency().getCurrencyCode() + " " + number.format(money.rounded().amount());
    }

    static String quantity(BigDecimal quantity, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(3);
        return number.format(quantity);
    }

    /** {@code 2 adults, 2 children (5, 9)}. */
    static String travellers(int adults, List<Integer> ages) {
        String text = adults + (adults == 1 ? " adult" : " adults");
        if (!ages.isEmpty()) {
            text += ", " + ages.size() + (ages.size() == 1 ? " child (" : " children (")
                    + ages.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        }
        return text;
    }
}
