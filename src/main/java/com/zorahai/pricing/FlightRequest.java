package com.zorahai.pricing;

import com.zorahai.platform.FieldErrors;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A flight to price. Children are given by age: under 2 an infant, 2 to 11 a child, 12 and over pays the adult fare.
 * Built through {@link #of}, which rejects an invalid request with a 400 problem naming every bad field.
 *
 * @param returnDate the return date; null for one way
 * @param cabin only this cabin, when not null
 * @param currency only fares in this currency, when not null
 */
public record FlightRequest(String origin, String destination, LocalDate depart, LocalDate returnDate, int adults,
        List<Integer> childAges, Cabin cabin, Currency currency) {

    public static final int MAX_PASSENGERS = 9;
    /** Children younger than this are infants. */
    public static final int INFANT_UNDER = 2;
    /** Children from this age on pay the adult fare. */
    public static final int ADULT_FROM = 12;

    private static final Pattern IATA = Pattern.compile("[A-Z]{3}");

    public FlightRequest {
        childAges = childAges == null ? List.of() : List.copyOf(childAges);
    }

    /** A validated request; a 400 problem naming each invalid field otherwise. */
    public static FlightRequest of(String origin, String destination, LocalDate depart, LocalDate returnDate,
            Integer adults, List<Integer> childAges, Cabin cabin, Currency currency) {
        FieldErrors errors = new FieldErrors();
        String from = iata(origin);
        String to = iata(destination);
        if (from == null) {
            errors.add("origin", "must be a 3-letter IATA airport code");
        }
        if (to == null) {
            errors.add("destination", "must be a 3-letter IATA airport code");
        }
        if (from != null && from.equals(to)) {
            errors.add("destination", "must differ from origin");
        }
        if (depart == null) {
            errors.add("depart", "is required");
        }
        if (depart != null && returnDate != null) {
            if (returnDate.isBefore(depart)) {
                errors.add("return", "must not be before depart");
            } else if (ChronoUnit.DAYS.between(depart, returnDate) > 365) {
                errors.add("return", "must be within a year of depart");
            }
        }
        List<Integer> ages = childAges == null ? List.of() : childAges;
        if (adults == null) {
            errors.add("adults", "is required");
        } else if (adults < 1) {
            errors.add("adults", "must be at least 1");
        } else if (adults + ages.size() > MAX_PASSENGERS) {
            errors.add("adults", "adults and children together must be at most " + MAX_PASSENGERS);
        }
        if (ages.stream().anyMatch(age -> age == null || age < 0 || age > 17)) {
            errors.add("children", "ages must be between 0 and 17");
        } else if (adults != null && ages.stream().filter(age -> age < INFANT_UNDER).count() > adults) {
            errors.add("children", "each infant under " + INFANT_UNDER + " needs an adult");
        }
        errors.throwIfAny();
        return new FlightRequest(from, to, depart, returnDate, adults, ages, cabin, currency);
    }

    private static String iata(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return IATA.matcher(upper).matches() ? upper : null;
    }

    /** Passengers paying the adult fare: adults and children of 12 and over. */
    public int adultFares() {
        return adults + (int) childAges.stream().filter(age -> age >= ADULT_FROM).count();
    }

    public int childFares() {
        return (int) childAges.stream().filter(age -> age >= INFANT_UNDER && age < ADULT_FROM).count();
    }

    public int infantFares() {
        return (int) childAges.stream().filter(age -> age < INFANT_UNDER).count();
    }
}
