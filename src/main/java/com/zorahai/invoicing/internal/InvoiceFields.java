package com.zorahai.invoicing.internal;

import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks and normalises what requests say about invoices, adding each problem to the {@link FieldErrors} under the
 * JSON name of the field.
 */
final class InvoiceFields {

    static final int MAX_LINES = 200;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_NOTES = 4000;
    static final int MAX_PAYMENT_REFERENCE = 35;
    static final int MAX_REFERENCE = 100;
    static final int MAX_VOID_REASON = 500;
    static final Set<String> LINE_TYPES = Set.of("hotel", "flight", "transfer", "activity", "insurance", "fee",
            "service", "discount", "other");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    // what banks carry in a payment reference
    private static final Pattern PAYMENT_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /.-]*");

    private InvoiceFields() {
    }

    /** The ISO 4217 currency; {@code fallback} when none is given. */
    static Currency currency(String code, Currency fallback, FieldErrors errors) {
        if (code == null) {
            return fallback;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (CURRENCY.matcher(upper).matches()) {
            try {
                return Currency.getInstance(upper);
            } catch (IllegalArgumentException ex) {
                // falls through to the error below
            }
        }
        errors.add("currency", "must be an ISO 4217 currency code such as ZAR or USD");
        return fallback;
    }

    /** The lines, numbered from 0, with their totals in {@code currency}. */
    static List<InvoiceLine> lines(List<LineDraft> drafts, Currency currency, FieldErrors errors) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_LINES) {
            errors.add("lines", "at most " + MAX_LINES + " lines");
            return List.of();
        }
        List<InvoiceLine> lines = new ArrayList<>();
        Money sum = Money.zero(currency);
        for (int i = 0; i < drafts.size(); i++) {
            InvoiceLine line = line(drafts.get(i), i, currency, errors);
            if (line != null) {
                lines.add(line);
                sum = sum.plus(line.total());
            }
        }
        if (sum.isNegative()) {
            errors.add("lines", "the lines must not add up to less than zero");
        }
        return lines;
    }

    private static InvoiceLine line(LineDraft draft, int index, Currency currency, FieldErrors errors) {
        String field = "lines[" + index + "]";
        if (draft == null) {
            errors.add(field, "is required");
            return null;
        }
        boolean ok = true;
        String type = draft.type() == null ? "other" : draft.type().trim().toLowerCase(Locale.ROOT);
        if (!LINE_TYPES.contains(type)) {
            errors.add(field + ".type", "must be one of " + String.join(", ", LINE_TYPES.stream().sorted().toList()));
            ok = false;
        }
        String description = text(draft.description());
        if (description == null) {
            errors.add(field + ".description", "is required");
            ok = false;
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add(field + ".description", "at most " + MAX_DESCRIPTION + " characters");
            ok = false;
        }
        BigDecimal quantity = draft.quantity() == null ? BigDecimal.ONE : draft.quantity();
        if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) >= 0) {
            errors.add(field + ".quantity", "must be more than 0 and less than " + MAX_QUANTITY.toPlainString());
            ok = false;
        } else if (scale(quantity) > 3) {
            errors.add(field + ".quantity", "at most 3 decimals");
            ok = false;
        }
        BigDecimal unitPrice = draft.unitPrice();
        if (unitPrice == null) {
            errors.add(field + ".unit_price", "is required");
            ok = false;
        } else if (unitPrice.abs().compareTo(MAX_PRICE) >= 0) {
            errors.add(field + ".unit_price", "must be less than " + MAX_PRICE.toPlainString());
            ok = false;
        } else if (scale(unitPrice) > 6) {
            errors.add(field + ".unit_price", "at most 6 decimals");
            ok = false;
        } else if (unitPrice.signum() < 0 && !"discount".equals(type)) {
            errors.add(field + ".unit_price", "must not be negative (use a line of type discount)");
            ok = false;
        }
        BigDecimal taxRate = draft.taxRate() == null ? BigDecimal.ZERO : draft.taxRate();
        if (taxRate.signum() < 0 || taxRate.compareTo(HUNDRED) > 0) {
            errors.add(field + ".tax_rate", "must be a percentage from 0 to 100");
            ok = false;
        } else if (scale(taxRate) > 3) {
            errors.add(field + ".tax_rate", "at most 3 decimals");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new InvoiceLine(index, type, description, plain(quantity), plain(unitPrice), plain(taxRate),
                InvoiceTotals.lineTotal(quantity, unitPrice, currency));
    }

    static String notes(String notes, FieldErrors errors) {
        String value = notes == null || notes.isBlank() ? null : notes.strip();
        if (value != null && value.length() > MAX_NOTES) {
            errors.add("notes", "at most " + MAX_NOTES + " characters");
        }
        return value;
    }

    /** What the customer quotes when paying: letters, digits, spaces and {@code / . -}, at most 35 characters. */
    static String paymentReference(String reference, FieldErrors errors) {
        String value = text(reference);
        if (value != null && (value.length() > MAX_PAYMENT_REFERENCE || !PAYMENT_REFERENCE.matcher(value).matches())) {
            errors.add("payment_reference", "at most " + MAX_PAYMENT_REFERENCE
                    + " letters, digits, spaces and / . -");
        }
        return value;
    }

    static Integer paymentTermsDays(Integer days, FieldErrors errors) {
        if (days != null && (days < 0 || days > 365)) {
            errors.add("payment_terms_days", "must be from 0 to 365");
        }
        return days;
    }

    /** A reference of a payment (a bank reference, a card slip number). */
    static String reference(String reference, FieldErrors errors) {
        String value = text(reference);
        if (value != null && value.length() > MAX_REFERENCE) {
            errors.add("reference", "at most " + MAX_REFERENCE + " characters");
        }
        return value;
    }

    /** Trimmed, inner whitespace collapsed; null when blank. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = value.strip().replaceAll("\\s+", " ");
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** The number of decimals the value really has (trailing zeros do not count). */
    static int scale(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
