package com.zorahai.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * Fares for a route and cabin for departures between {@code departFrom} and {@code departTo} (inclusive). With a
 * return range the fares are return fares for both legs; without, one way.
 *
 * @param fareInfant the fare of a child under 2; the child fare applies when null
 */
public record FlightPrice(String id, String origin, String destination, LocalDate departFrom, LocalDate departTo,
        LocalDate returnFrom, LocalDate returnTo, Cabin cabin, BigDecimal fareAdult, BigDecimal fareChild,
        BigDecimal fareInfant, Currency currency, String airline, String supplier) {

    public FlightPrice {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(departFrom, "departFrom");
        Objects.requireNonNull(departTo, "departTo");
        Objects.requireNonNull(cabin, "cabin");
        Objects.requireNonNull(fareAdult, "fareAdult");
        Objects.requireNonNull(fareChild, "fareChild");
        Objects.requireNonNull(currency, "currency");
    }

    public boolean isReturn() {
        return returnFrom != null && returnTo != null;
    }

    /** Whether this fare applies to a departure on {@code depart} and, if given, a return on {@code back}. */
    public boolean matches(LocalDate depart, LocalDate back) {
        boolean out = !depart.isBefore(departFrom) && !depart.isAfter(departTo);
        if (back == null) {
            return out && !isReturn();
        }
        return out && isReturn() && !back.isBefore(returnFrom) && !back.isAfter(returnTo);
    }
}
