package com.zorahai.quoting.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.FieldErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of quote fields and lines: what is required, ranges and lengths. Every invalid field is named in one
 * 400 problem, with the API's snake_case names ({@code lines[2].unit_cost}).
 */
final class QuoteFields {

    static final int MAX_NOTES = 5000;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_LINES = 100;
    static final int MAX_ADULTS = 50;
    static final int MAX_CHILDREN = 20;
    static final int MAX_REASON = 1000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("100000");
    private static final BigDecimal MAX_MARKUP = new BigDecimal("1000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private QuoteFields() {
    }

    /**
     * The header of a new quote ({@code base} null) or of a changed one: fields the input leaves out keep the base
     * values; a new quote gets {@code defaultCurrency} and is valid until {@code defaultValidUntil} unless told.
     */
    static Quote.Header header(QuoteInput input, Quote.Header base, Currency defaultCurrency,
            LocalDate defaultValidUntil, FieldErrors errors) {
        ClientId client = base == null ? null : base.clientId();
        if (input.has("client_id")) {
            client = null;
            if (input.clientId() == null || input.clientId().isBlank()) {
                errors.add("client_id", "is required");
            } else {
                try {
                    client = ClientId.of(UUID.fromString(input.clientId().trim()));
                } catch (IllegalArgumentException ex) {
                    errors.add("client_id", "must be a UUID");
                }
            }
        }
        Currency currency = base == null ? defaultCurrency : base.currency();
        if (input.has("currency") && (base != null || input.currency() != null)) {
            currency = currency(input.currency(), "currency", errors);
        }
        LocalDate start = input.has("travel_start") ? input.travelStart() : base.travelStart();
        LocalDate end = input.has("travel_end") ? input.travelEnd() : base.travelEnd();
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("travel_end", "must not be before travel_start");
        }
        int adults = base == null ? 1 : base.adults();
        if (input.has("adults") && (base != null || input.adults() != null)) {
            if (input.adults() == null) {
                errors.add("adults", "is required");
            } else if (input.adults() < 1 || input.adults() > MAX_ADULTS) {
                errors.add("adults", "must be between 1 and " + MAX_ADULTS);
            } else {
                adults = input.adults();
            }
        }
        List<Integer> ages = base == null ? List.of() : base.childrenAges();
        if (input.has("children_ages")) {
            ages = childrenAges(input.childrenAges(), "children_ages", errors);
        }
        String notes = base == null ? null : base.notes();
        if (input.has("notes")) {
            notes = blankToNull(input.notes());
            if (notes != null && notes.length() > MAX_NOTES) {
                errors.add("notes", "must be at most " + MAX_NOTES + " characters");
            }
        }
        LocalDate validUntil = base == null ? defaultValidUntil : base.validUntil();
        if (input.has("valid_until") && (base != null || input.validUntil() != null)) {
            if (input.validUntil() == null) {
                errors.add("valid_until", "is required");
            } else {
                validUntil = input.validUntil();
            }
        }
        return new Quote.Header(client, currency, start, end, adults, ages, notes, validUntil);
    }

    /** The checked children's ages; none when null. */
    static List<Integer> childrenAges(List<Integer> given, String field, FieldErrors errors) {
        List<Integer> ages = given == null ? List.of() : given;
        if (ages.size() > MAX_CHILDREN) {
            errors.add(field, "must list at most " + MAX_CHILDREN + " children");
        } else if (ages.stream().anyMatch(age -> age == null || age < 0 || age > 17)) {
            errors.add(field, "ages must be between 0 and 17");
        }
        return List.copyOf(ages.stream().filter(a -> a != null).toList());
    }

    /**
     * The checked lines. An {@code id} must name one of {@code existing} (the quote's current lines), once.
     */
    static List<LineDraft> lines(List<LineInput> given, Set<UUID> existing, FieldErrors errors) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_LINES) {
            errors.add("lines", "must have at most " + MAX_LINES + " lines");
            return List.of();
        }
        List<LineDraft> lines = new ArrayList<>();
        List<UUID> seen = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String prefix = "lines[" + i + "].";
            LineInput line = given.get(i);
            if (line == null) {
                errors.add("lines[" + i + "]", "is required");
                continue;
            }
            UUID id = null;
            if (line.id() != null) {
                try {
                    id = UUID.fromString(line.id().trim());
                    if (!existing.contains(id) || seen.contains(id)) {
                        errors.add(prefix + "id", "is not a line of this quote");
                        id = null;
                    } else {
                        seen.add(id);
                    }
                } catch (IllegalArgumentException ex) {
                    errors.add(prefix + "id", "must be a UUID");
                }
            }
            LineType type = null;
            if (line.type() == null || line.type().isBlank()) {
                errors.add(prefix + "type", "is required");
            } else if (LineType.valueOfName(line.type()) == null) {
                errors.add(prefix + "type", "must be one of hotel, flight, transfer, activity, insurance, fee");
            } else {
                type = LineType.valueOfName(line.type());
            }
            String description = line.description() == null ? null : line.description().strip();
            if (description == null || description.isEmpty()) {
                errors.add(prefix + "description", "is required");
            } else if (description.length() > MAX_DESCRIPTION) {
                errors.add(prefix + "description", "must be at most " + MAX_DESCRIPTION + " characters");
            }
            BigDecimal quantity = line.quantity() == null ? BigDecimal.ONE : line.quantity();
            if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
                errors.add(prefix + "quantity", "must be more than 0 and at most " + MAX_QUANTITY);
            } else if (quantity.stripTrailingZeros().scale() > 3) {
                errors.add(prefix + "quantity", "must have at most 3 decimals");
            }
            BigDecimal cost = line.unitCost();
            if (cost == null) {
                if (line.unitPrice() == null) {
                    errors.add(prefix + "unit_cost", "is required");
                } else {
                    cost = BigDecimal.ZERO;
                }
            } else {
                amount(cost, prefix + "unit_cost", errors);
            }
            Currency currency = line.currency() == null
                    ? null
                    : currency(line.currency(), prefix + "currency", errors);
            int pricing = (line.markupPercent() == null ? 0 : 1) + (line.marginPercent() == null ? 0 : 1)
                    + (line.unitPrice() == null ? 0 : 1);
            if (pricing > 1) {
                errors.add(prefix + "markup_percent", "give only one of markup_percent, margin_percent, unit_price");
            }
            if (line.markupPercent() != null && (line.markupPercent().signum() < 0
                    || line.markupPercent().compareTo(MAX_MARKUP) > 0)) {
                errors.add(prefix + "markup_percent", "must be between 0 and " + MAX_MARKUP);
            }
            if (line.marginPercent() != null && (line.marginPercent().signum() < 0
                    || line.marginPercent().compareTo(new BigDecimal("99")) > 0)) {
                errors.add(prefix + "margin_percent", "must be between 0 and 99");
            }
            if (line.unitPrice() != null) {
                amount(line.unitPrice(), prefix + "unit_price", errors);
            }
            lines.add(new LineDraft(id, type, description, quantity.stripTrailingZeros(), cost, currency,
                    line.markupPercent(), line.marginPercent(), line.unitPrice(),
                    line.taxable() == null || line.taxable()));
        }
        return lines;
    }

    /** The reason of a change; a 400 naming {@code reason} when missing or too long. */
    static String reason(String given) {
        FieldErrors errors = new FieldErrors();
        String reason = blankToNull(given);
        if (reason == null) {
            errors.add("reason", "is required to change a quote that has been sent");
        } else if (reason.length() > MAX_REASON) {
            errors.add("reason", "must be at most " + MAX_REASON + " characters");
        }
        errors.throwIfAny();
        return reason;
    }

    static Currency currency(String code, String field, FieldErrors errors) {
        if (code != null) {
            String upper = code.trim().toUpperCase(Locale.ROOT);
            if (upper.matches("[A-Z]{3}") && ExchangeRates.isCurrency(upper)) {
                return Currency.getInstance(upper);
            }
        }
        errors.add(field, "must be an ISO 4217 currency code such as ZAR or USD");
        return null;
    }

    private static void amount(BigDecimal value, String field, FieldErrors errors) {
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) >= 0) {
            errors.add(field, "must be between 0 and " + MAX_AMOUNT.toPlainString());
        } else if (value.stripTrailingZeros().scale() > 4) {
            errors.add(field, "must have at most 4 decimals");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
