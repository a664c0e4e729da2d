package com.zorahai.quoting.internal;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model the quote PDF template ({@code documents/quote}) is rendered with: one entry {@code quote} holding the
 * quote as the customer sees it, amounts both as {@link Money} and as text formatted for the tenant's locale
 * ({@code ZAR 12,345.00}). Costs, markups and margins stay out.
 */
final class QuoteDocumentModel {

    static final String TEMPLATE = "documents/quote";

    private QuoteDocumentModel() {
    }

    /**
     * @param clientName the client's name, or null when unknown (erased)
     * @param acceptLink the link the customer accepts with, or null (a PDF downloaded by staff)
     */
    static Map<String, Object> of(QuoteSnapshot quote, String status, LocalDate issuedOn, String clientName,
            String clientEmail, String acceptLink, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", quote.number());
        model.put("revision", quote.revision());
        model.put("status", status);
        model.put("issued_on", issuedOn);
        model.put("valid_until", quote.validUntil());
        model.put("travel_start", quote.travelStart());
        model.put("travel_end", quote.travelEnd());
        model.put("client_name", clientName);
        model.put("client_email", clientEmail);
        Map<String, Object> travellers = new LinkedHashMap<>();
        travellers.put("adults", quote.adults());
        travellers.put("children", quote.childrenAges().size());
        travellers.put("children_ages", quote.childrenAges());
        travellers.put("summary", travellers(quote.adults(), quote.childrenAges()));
        model.put("travellers", travellers);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (QuoteLine line : quote.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", line.type().value());
            row.put("description", line.description());
            row.put("quantity", quantity(line.quantity(), locale));
            row.put("quantity_value", line.quantity());
            row.put("unit_price", format(line.unitPrice(), locale));
            row.put("unit_price_money", line.unitPrice());
            row.put("total", format(line.total(), locale));
            row.put("total_money", line.total());
            row.put("taxable", line.taxable());
            lines.add(row);
        }
        model.put("lines", lines);
        model.put("currency", quote.currency().getCurrencyCode());
        model.put("subtotal", format(quote.subtotal(), locale));
        model.put("subtotal_money", quote.subtotal());
        model.put("tax_rate_percent", quote.taxRatePercent());
        model.put("tax", format(quote.tax(), locale));
        model.put("tax_money", quote.tax());
        model.put("total", format(quote.total(), locale));
        model.put("total_money", quote.total());
        model.put("notes", quote.notes());
        model.put("accept_link", acceptLink);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("quote", model);
        return root;
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
