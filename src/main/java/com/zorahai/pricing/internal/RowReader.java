package com.zorahai.pricing.internal;

import com.zorahai.platform.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads typed values from one row of named text values (a CSV row or a JSON body) and collects a reason for each
 * field that is missing or malformed, so a row is either fully valid or rejected with every problem named.
 */
final class RowReader {

    /** The largest amount numeric(14, 4) holds. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.9999");

    private final Map<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();

    RowReader(Map<String, String> values) {
        this.values = values;
    }

    /** A field and why it is wrong. */
    record FieldError(String field, String reason) {
    }

    /** A valid value, or the reasons it is not one. */
    record Result<T>(T value, List<FieldError> errors) {

        static <T> Result<T> valid(T value) {
            return new Result<>(value, List.of());
        }

        static <T> Result<T> invalid(List<FieldError> errors) {
            return new Result<>(null, List.copyOf(errors));
        }
    }

    List<FieldError> errors() {
        return errors;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    void reject(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** The trimmed value, or null when absent or blank. */
    String raw(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String text(String field, boolean required, int maxLength) {
        String value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    LocalDate date(String field, boolean required) {
        String value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            reject(field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    /** A non-negative amount with at most 4 decimals. */
    BigDecimal amount(String field, boolean required) {
        String value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            reject(field, "must be a number such as 1250.00");
            return null;
        }
        if (number.signum() < 0) {
            reject(field, "must not be negative");
            return null;
        }
        if (number.stripTrailingZeros().scale() > 4) {
            reject(field, "must have at most 4 decimals");
            return null;
        }
        if (number.compareTo(MAX_AMOUNT) > 0) {
            reject(field, "is too large");
            return null;
        }
        return number;
    }

    BigDecimal percent(String field) {
        BigDecimal value = amount(field, false);
        if (value != null && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            reject(field, "must be between 0 and 100");
            return null;
        }
        return value;
    }

    Integer integer(String field, int min, int max) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reject(field, "must be a whole number from " + min + " to " + max);
        return null;
    }

    /** An ISO 4217 currency code, any case. */
    Currency currency(String field) {
        String value = raw(field);
        if (value == null) {
            reject(field, "is required");
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (code.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        reject(field, "must be an ISO 4217 currency code such as ZAR or USD");
        return null;
    }

    /** An enum through its parser, which throws a problem naming the field when the value is unknown. */
    <E> E choice(String field, boolean required, BiFunction<String, String, E> parser) {
        String value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        try {
            return parser.apply(value, field);
        } catch (ProblemException e) {
            reject(field, reasonOf(e, field));
            return null;
        }
    }

    /** Runs a check that may throw a problem naming a field; keeps its reason. */
    <T> T check(String field, BiFunction<String, String, T> parser) {
        try {
            return parser.apply(raw(field), field);
        } catch (ProblemException e) {
            reject(field, reasonOf(e, field));
            return null;
        }
    }

    private static String reasonOf(ProblemException e, String field) {
        String detail = e.detail();
        String prefix = field + ": ";
        return detail != null && detail.startsWith(prefix) ? detail.substring(prefix.length()) : "is invalid";
    }
}
