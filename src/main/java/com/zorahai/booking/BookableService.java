package com.zorahai.booking;

import com.zorahai.platform.Money;
import java.time.Duration;
import java.util.Map;

/**
 * Something a clinic can be booked for, e.g. "Laser hair removal – full legs".
 *
 * @param id the id to book it by (a UUID in the built-in calendar, the clinic's own id with its API)
 * @param price the price when no gender-specific price applies
 * @param pricesByGender prices that differ by gender, in the same currency; empty when there are none
 */
public record BookableService(String id, String name, String description, int durationMinutes, Money price,
        Map<Gender, Money> pricesByGender, boolean active) {

    public BookableService {
        pricesByGender = pricesByGender == null ? Map.of() : Map.copyOf(pricesByGender);
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    /** The price for a customer of this gender; the general price when none is set or the gender is unknown. */
    public Money priceFor(Gender gender) {
        return gender == null ? price : pricesByGender.getOrDefault(gender, price);
    }
}
