package com.zorahai.email.inbound.web;

import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.platform.Money;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the travel-request extractor read from a message, as the debug endpoint shows it: the classification, the
 * engine that answered, and every field with its value, confidence (0 to 1) and span (offsets into
 * {@code cleaned_text}).
 */
record DebugExtraction(String classification, String engine, String model, Map<String, FieldView> fields,
        List<FieldView> destinations, String cleanedText) {

    /** One value; dates as ISO text, money as {@code {amount, currency}}. */
    record FieldView(Object value, double confidence, SpanView span) {
    }

    record SpanView(int start, int end, String text) {
    }

    record MoneyView(java.math.BigDecimal amount, String currency) {
    }

    static DebugExtraction of(TravelRequestExtraction x, String cleanedText) {
        Map<String, FieldView> fields = new LinkedHashMap<>();
        fields.put("client_name", view(x.clientName()));
        fields.put("email", view(x.email()));
        fields.put("phone", view(x.phone()));
        fields.put("origin", view(x.origin()));
        fields.put("check_in", view(x.checkIn()));
        fields.put("check_out", view(x.checkOut()));
        fields.put("month", view(x.month()));
        fields.put("nights", view(x.nights()));
        fields.put("adults", view(x.adults()));
        fields.put("children", view(x.children()));
        fields.put("children_ages", view(x.childrenAges()));
        fields.put("budget", view(x.budget()));
        fields.put("budget_per_person", view(x.budgetPerPerson()));
        fields.put("board_basis", view(x.boardBasis()));
        fields.put("stars", view(x.stars()));
        fields.put("special_requests", view(x.specialRequests()));
        fields.put("quote_reference", view(x.quoteReference()));
        return new DebugExtraction(x.classification().name().toLowerCase(Locale.ROOT), x.engine(), x.model(), fields,
                x.destinations().stream().map(DebugExtraction::view).toList(), cleanedText);
    }

    private static FieldView view(Field<?> field) {
        Object value = field.value();
        if (value instanceof Money money) {
            value = new MoneyView(money.amount(), money.currency().getCurrencyCode());
        } else if (value instanceof LocalDate date) {
            value = date.toString();
        }
        return new FieldView(value, field.confidence(), field.span() == null
                ? null
                : new SpanView(field.span().start(), field.span().end(), field.span().text()));
    }
}
