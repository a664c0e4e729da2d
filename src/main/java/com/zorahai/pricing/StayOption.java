package com.zorahai.pricing;

import com.zorahai.platform.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * One way to book a stay: a hotel, room type and board basis that has a rate for every night, priced night by night.
 * Each night's amount is rounded to the currency (HALF_EVEN) and the total is their sum, so the breakdown adds up.
 */
public record StayOption(String hotelName, String hotelCode, String destination, String roomType,
        BoardBasis boardBasis, Integer stars, String supplier, List<Night> nights, Money total) {

    /** One night of the stay and the rate that priced it. */
    public record Night(LocalDate date, String rateId, RateBasis rateBasis, Money amount) {
    }
}
