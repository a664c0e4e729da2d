package com.zorahai.intake.internal;

import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a reviewer's corrections ({@code field → value}, JSON) into typed values, naming every invalid one as
 * {@code corrections.<field>} in one 400 problem. {@code null} clears a value.
 */
public final class Corrections {

    static final int MAX_TEXT = 200;
    static final int MAX_REQUESTS = 2000;
    private static final BigDecimal MAX_BUDGET = new BigDecimal("100000000000");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,30}");
    private static final Pattern BOARD = Pattern.compile("RO|BB|HB|FB|AI");

    private Corrections() {
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    /** The corrections, typed; a 400 problem naming each invalid {@code corrections.<field>}. */
    public static Map<RequestField, Object> read(Map<String, JsonNode> given) {
        Map<RequestField, Object> result = new EnumMap<>(RequestField.class);
        if (given == null) {
            return result;
        }
        FieldErrors errors = new FieldErrors();
        given.forEach((name, node) -> {
            String path = "corrections." + name;
            var field = RequestField.named(name);
            if (field.isEmpty()) {
                errors.add(path, "is not a correctable field");
                return;
            }
            if (node == null || node.isNull()) {
                result.put(field.get(), null);
                return;
            }
            Object value = value(field.get(), node, path, errors);
            if (value != null) {
                result.put(field.get(), value);
            }
        });
        Object checkIn = result.get(RequestField.CHECK_IN);
        Object checkOut = result.get(RequestField.CHECK_OUT);
        if (checkIn instanceof LocalDate in && checkOut instanceof LocalDate out && !out.isAfter(in)) {
            errors.add("corrections.check_out", "must be after check_in");
        }
        errors.throwIfAny();
        return result;
    }

    private static Object value(RequestField field, JsonNode node, String path, FieldErrors errors) {
        return switch (field) {
            case CLIENT_NAME, DESTINATION, ORIGIN -> text(node, path, MAX_TEXT, errors);
            case SPECIAL_REQUESTS -> text(node, path, MAX_REQUESTS, errors);
            case EMAIL -> {
                String text = text(node, path, 254, errors);
                if (text != null && !isEmail(text)) {
                    errors.add(path, "must be an email address");
                    yield null;
                }
                yield text == null ? null : text.toLowerCase(Locale.ROOT);
            }
            case PHONE -> {
                String text = text(node, path, 40, errors);
                if (text != null && !PHONE.matcher(text).matches()) {
                    errors.add(path, "must be a phone number");
                    yield null;
                }
                yield text;
            }
            case CHECK_IN, CHECK_OUT -> {
                String text = text(node, path, 10, errors);
                try {
                    yield text == null ? null : LocalDate.parse(text);
                } catch (DateTimeParseException ex) {
                    errors.add(path, "must be a date such as 2027-04-02");
                    yield null;
                }
            }
            case MONTH -> {
                String text = text(node, path, 7, errors);
                try {
                    yield text == null ? null : YearMonth.parse(text);
                } catch (DateTimeParseException ex) {
                    errors.add(path, "must be a month such as 2027-07");
                    yield null;
                }
            }
            case NIGHTS -> integer(node, path, 1, 365, errors);
            case ADULTS -> integer(node, path, 1, 50, errors);
            case CHILDREN -> integer(node, path, 0, 20, errors);
            case STARS -> integer(node, path, 1, 5, errors);
            case CHILDREN_AGES -> ages(node, path, errors);
            case BUDGET -> budget(node, path, errors);
            case BUDGET_PER_PERSON -> {
                if (!node.isBoolean()) {
                    errors.add(path, "must be true or false");
                    yield null;
                }
                yield node.booleanValue();
            }
            case BOARD_BASIS -> {
                String text = text(node, path, 2, errors);
                String board = text == null ? null : text.toUpperCase(Locale.ROOT);
                if (board != null && !BOARD.matcher(board).matches()) {
                    errors.add(path, "must be one of RO, BB, HB, FB, AI");
                    yield null;
                }
                yield board;
            }
        };
    }

    private static String text(JsonNode node, String path, int max, FieldErrors errors) {
        if (!node.isString()) {
            errors.add(path, "must be a string");
            return null;
        }
        String text = node.stringValue().strip();
        if (text.isEmpty()) {
            errors.add(path, "must not be blank (send null to clear it)");
            return null;
        }
        if (text.length() > max) {
            errors.add(path, "must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    private static Integer integer(JsonNode node, String path, int min, int max, FieldErrors errors) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            errors.add(path, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    private static List<Integer> ages(JsonNode node, String path, FieldErrors errors) {
        if (!node.isArray() || node.size() > 20) {
            errors.add(path, "must be a list of at most 20 ages");
            return null;
        }
        List<Integer> ages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Integer age = integer(node.get(i), path + "[" + i + "]", 0, 17, errors);
            if (age == null) {
                return null;
            }
            ages.add(age);
        }
        return List.copyOf(ages);
    }

    private static Money budget(JsonNode node, String path, FieldErrors errors) {
        if (!node.isObject()) {
            errors.add(path, "must be an object with amount and currency");
            return null;
        }
        JsonNode amount = node.get("amount");
        JsonNode currency = node.get("currency");
        BigDecimal value = null;
        if (amount == null || !amount.isNumber()) {
            errors.add(path + ".amount", "must be a number");
        } else if (amount.decimalValue().signum() < 0 || amount.decimalValue().compareTo(MAX_BUDGET) > 0) {
            errors.add(path + ".amount", "must be from 0 to " + MAX_BUDGET.toPlainString());
        } else {
            value = amount.decimalValue();
        }
        Currency code = null;
        if (currency == null || !currency.isString()) {
            errors.add(path + ".currency", "must be an ISO 4217 code such as ZAR");
        } else {
            try {
                code = Currency.getInstance(currency.stringValue().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                errors.add(path + ".currency", "must be an ISO 4217 code such as ZAR");
            }
        }
        return value == null || code == null ? null : Money.of(value, code);
    }

    /** The value as JSON stores it: dates and months as ISO text, money as {@code {amount, currency}}. */
    public static Object json(Object value) {
        if (value instanceof LocalDate || value instanceof YearMonth) {
            return value.toString();
        }
        if (value instanceof Money money) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("amount", money.amount());
            json.put("currency", money.currency().getCurrencyCode());
            return json;
        }
        return value;
    }
}
