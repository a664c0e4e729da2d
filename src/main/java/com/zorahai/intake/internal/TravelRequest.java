package com.zorahai.intake.internal;

import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.quoting.TravelRequestDraft;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of a travel request as intake acts on them: the extraction's values, each possibly replaced by a
 * reviewer's correction. Values are typed as {@link Corrections} reads them: text, {@link LocalDate},
 * {@link YearMonth}, {@link Integer}, {@code List<Integer>}, {@link Money}, {@link Boolean}.
 */
public final class TravelRequest {

    private final Map<RequestField, Object> values;

    private TravelRequest(Map<RequestField, Object> values) {
        this.values = values;
    }

    /**
     * The extraction's values; the sender of the email gives the address (and the name) when the extraction has
     * none.
     */
    public static TravelRequest of(TravelRequestExtraction x, Sender sender) {
        Map<RequestField, Object> values = new EnumMap<>(RequestField.class);
        for (RequestField field : RequestField.values()) {
            Field<?> extracted = field.in(x);
            Object value = extracted.isPresent() ? typed(field, extracted.value()) : null;
            if (value != null) {
                values.put(field, value);
            }
        }
        if (!values.containsKey(RequestField.EMAIL) && sender.address() != null) {
            values.put(RequestField.EMAIL, sender.address());
        }
        if (!values.containsKey(RequestField.CLIENT_NAME) && sender.name() != null) {
            values.put(RequestField.CLIENT_NAME, sender.name());
        }
        return new TravelRequest(values);
    }

    /** The extracted value of the field in the form corrections take, or null; an unreadable month is none. */
    public static Object typed(RequestField field, Object value) {
        if (field == RequestField.MONTH && value instanceof String text) {
            try {
                return YearMonth.parse(text.strip());
            } catch (DateTimeParseException ex) {
                return null;
            }
        }
        if (value instanceof String text) {
            return text.isBlank() ? null : text.strip();
        }
        return value;
    }

    /** This request with one value replaced; {@code null} clears it. */
    public TravelRequest with(RequestField field, Object value) {
        Map<RequestField, Object> copy = new EnumMap<>(RequestField.class);
        copy.putAll(values);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return new TravelRequest(copy);
    }

    /** This request with the value filled in where it has none. */
    public TravelRequest withDefault(RequestField field, Object value) {
        return has(field) || value == null ? this : with(field, value);
    }

    public Object get(RequestField field) {
        return values.get(field);
    }

    public boolean has(RequestField field) {
        return values.containsKey(field);
    }

    public String text(RequestField field) {
        return (String) values.get(field);
    }

    public Integer number(RequestField field) {
        return (Integer) values.get(field);
    }

    public LocalDate date(RequestField field) {
        return (LocalDate) values.get(field);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> ages() {
        Object ages = values.get(RequestField.CHILDREN_AGES);
        return ages == null ? List.of() : (List<Integer>) ages;
    }

    public Money budget() {
        return (Money) values.get(RequestField.BUDGET);
    }

    public YearMonth month() {
        return (YearMonth) values.get(RequestField.MONTH);
    }

    /** Check-out as given, else check-in plus the nights. */
    public LocalDate checkOut() {
        LocalDate checkOut = date(RequestField.CHECK_OUT);
        LocalDate checkIn = date(RequestField.CHECK_IN);
        Integer nights = number(RequestField.NIGHTS);
        if (checkOut == null && checkIn != null && nights != null && nights > 0) {
            return checkIn.plusDays(nights);
        }
        return checkOut;
    }

    /** The budget for the whole party: a budget per person times the travellers. */
    public Money totalBudget() {
        Money budget = budget();
        if (budget == null || !Boolean.TRUE.equals(values.get(RequestField.BUDGET_PER_PERSON))) {
            return budget;
        }
        int people = Math.max(1, number(RequestField.ADULTS) == null ? 1 : number(RequestField.ADULTS))
                + childCount();
        return budget.times(BigDecimal.valueOf(people));
    }

    private int childCount() {
        Integer children = number(RequestField.CHILDREN);
        return Math.max(children == null ? 0 : children, ages().size());
    }

    /** What a draft quote is made from. */
    public TravelRequestDraft draft(ClientId client, String notes) {
        return new TravelRequestDraft(client, text(RequestField.DESTINATION), date(RequestField.CHECK_IN),
                checkOut(), month(), number(RequestField.ADULTS), ages(), totalBudget(),
                text(RequestField.BOARD_BASIS), number(RequestField.STARS), notes);
    }

    /** One line per thing the request says, for the quote's notes and the consultant's email. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        if (has(RequestField.DESTINATION)) {
            lines.add("Destination: " + text(RequestField.DESTINATION));
        }
        if (has(RequestField.ORIGIN)) {
            lines.add("From: " + text(RequestField.ORIGIN));
        }
        LocalDate checkIn = date(RequestField.CHECK_IN);
        LocalDate checkOut = checkOut();
        if (checkIn != null || checkOut != null) {
            lines.add("Dates: " + (checkIn == null ? "?" : checkIn) + " to " + (checkOut == null ? "?" : checkOut));
        } else if (month() != null) {
            lines.add("Month: " + month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + month().getYear());
        }
        if (has(RequestField.NIGHTS)) {
            lines.add("Nights: " + number(RequestField.NIGHTS));
        }
        if (has(RequestField.ADULTS) || childCount() > 0) {
            StringBuilder party = new StringBuilder("Travellers: ");
            Integer adults = number(RequestField.ADULTS);
            party.append(adults == null ? "?" : adults).append(adults != null && adults == 1 ? " adult" : " adults");
            if (childCount() > 0) {
                party.append(", ").append(childCount()).append(childCount() == 1 ? " child" : " children");
                if (!ages().isEmpty()) {
                    party.append(" (aged ").append(ages().stream().map(String::valueOf)
                            .collect(Collectors.joining(", "))).append(")");
                }
            }
            lines.add(party.toString());
        }
        if (budget() != null) {
            lines.add("Budget: " + budget() + (Boolean.TRUE.equals(values.get(RequestField.BUDGET_PER_PERSON))
                    ? " per person"
                    : ""));
        }
        if (has(RequestField.BOARD_BASIS)) {
            lines.add("Board: " + text(RequestField.BOARD_BASIS));
        }
        if (has(RequestField.STARS)) {
            lines.add("Stars: " + number(RequestField.STARS) + "+");
        }
        if (has(RequestField.SPECIAL_REQUESTS)) {
            lines.add("Special requests: " + text(RequestField.SPECIAL_REQUESTS));
        }
        return lines;
    }

    /** A sender as the {@code From} header gives it. */
    public record Sender(String name, String address) {

        /** {@code "Jane Doe <jane@example.com>"}, {@code "jane@example.com"} or {@code "\"Doe, Jane\" <jane@…>"}. */
        public static Sender parse(String from) {
            if (from == null || from.isBlank()) {
                return new Sender(null, null);
            }
            String value = from.strip();
            int open = value.lastIndexOf('<');
            int close = value.lastIndexOf('>');
            String address;
            String name = null;
            if (open >= 0 && close > open) {
                address = value.substring(open + 1, close).strip();
                name = value.substring(0, open).strip().replaceAll("^\"|\"$", "").strip();
            } else {
                address = value;
            }
            if (!Corrections.isEmail(address)) {
                address = null;
            }
            return new Sender(name == null || name.isEmpty() ? null : name,
                    address == null ? null : address.toLowerCase(Locale.ROOT));
        }
    }
}
