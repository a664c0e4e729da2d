package com.zorahai.pricing;

import com.zorahai.platform.Money;
import java.time.LocalDate;

/**
 * One fare for a flight request, priced for the whole party: fare per passenger type times their number, each
 * rounded to the currency (HALF_EVEN), and the total as their sum.
 */
public record FlightOption(String priceId, String origin, String destination, LocalDate depart,
        LocalDate returnDate, Cabin cabin, String airline, String supplier, Money adultFare, Money childFare,
        Money infantFare, int adults, int children, int infants, Money total) {
}
