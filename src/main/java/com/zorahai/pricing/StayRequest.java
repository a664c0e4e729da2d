package com.zorahai.pricing;

import com.zorahai.platform.FieldErrors;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

/**
 * A stay to price: where, when, who, and optional filters. Built through {@link #of}, which rejects an invalid
 * request with a 400 problem naming every bad field (in the API's snake_case names).
 *
 * @param childAges the age of each child, 0 to 17
 * @param boardBasis only this board basis, when not null
 * @param minStars only hotels with at least this many stars, when not null
 * @param roomType only room types containing this text (any case), when not null
 * @param currency only rates in this currency, when not null; otherwise options in every currency are returned, the
 *        tenant's currency first
 */
public record StayRequest(String destination, LocalDate checkIn, LocalDate checkOut, int adults,
        List<Integer> childAges, BoardBasis boardBasis, Integer minStars, String roomType, Currency currency) {

    /** The longest stay priced. */
    public static final int MAX_NIGHTS = 60;
    public static final int MAX_ADULTS = 20;
    public static final int MAX_CHILDREN = 10;

    public StayRequest {
        childAges = childAges == null ? List.of() : List.copyOf(childAges);
    }

    /** A validated request; a 400 problem naming each invalid field otherwise. */
    public static StayRequest of(String destination, LocalDate checkIn, LocalDate checkOut, Integer adults,
            List<Integer> childAges, BoardBasis boardBasis, Integer minStars, String roomType, Currency currency) {
        FieldErrors errors = new FieldErrors();
        if (destination == null || destination.isBlank()) {
            errors.add("destination", "is required");
        } else if (destination.trim().length() > Destination.MAX_LENGTH) {
            errors.add("destination", "must be at most " + Destination.MAX_LENGTH + " characters");
        } else if (Destination.key(destination).isEmpty()) {
            errors.add("destination", "must contain letters or digits");
        }
        if (checkIn == null) {
            errors.add("check_in", "is required");
        }
        if (checkOut == null) {
            errors.add("check_out", "is required");
        }
        if (checkIn != null && checkOut != null) {
            long nights = ChronoUnit.DAYS.between(checkIn, checkOut);
            if (nights < 1) {
                errors.add("check_out", "must be after check_in");
            } else if (nights > MAX_NIGHTS) {
                errors.add("check_out", "must be at most " + MAX_NIGHTS + " nights after check_in");
            }
        }
        if (adults == null) {
            errors.add("adults", "is required");
        } else if (adults < 1 || adults > MAX_ADULTS) {
            errors.add("adults", "must be between 1 and " + MAX_ADULTS);
        }
        List<Integer> ages = childAges == null ? List.of() : childAges;
        if (ages.size() > MAX_CHILDREN) {
            errors.add("children", "must list at most " + MAX_CHILDREN + " children");
        } else if (ages.stream().anyMatch(age -> age == null || age < 0 || age > 17)) {
            errors.add("children", "ages must be between 0 and 17");
        }
        if (minStars != null && (minStars < 1 || minStars > 5)) {
            errors.add("stars", "must be between 1 and 5");
        }
        if (roomType != null && roomType.length() > 120) {
            errors.add("room_type", "must be at most 120 characters");
        }
        errors.throwIfAny();
        String room = roomType == null || roomType.isBlank() ? null : roomType.trim();
        return new StayRequest(destination.trim(), checkIn, checkOut, adults, ages, boardBasis, minStars, room,
                currency);
    }

    /** The number of nights. */
    public int nights() {
        return (int) ChronoUnit.DAYS.between(checkIn, checkOut);
    }

    /** The nights of the stay, each named by the date it begins on: check-in to the day before check-out. */
    public List<LocalDate> nightDates() {
        return checkIn.datesUntil(checkOut).toList();
    }
}
