package com.zorahai.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * A hotel's price per night for one room type and board basis over a season. {@code validFrom} and {@code validTo}
 * are both inclusive and name nights: the rate prices the night that begins on each date between them.
 *
 * @param id the rate's id in its source (a UUID for rates in the database)
 * @param rate the price per night, per room or per person as {@code rateBasis} says, in {@code currency}
 */
public record HotelRate(String id, String hotelName, String hotelCode, Destination destination, String roomType,
        BoardBasis boardBasis, Integer stars, LocalDate validFrom, LocalDate validTo, BigDecimal rate,
        RateBasis rateBasis, Occupancy occupancy, ChildPolicy childPolicy, Currency currency, String supplier) {

    public HotelRate {
        Objects.requireNonNull(hotelName, "hotelName");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(roomType, "roomType");
        Objects.requireNonNull(boardBasis, "boardBasis");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(rateBasis, "rateBasis");
        Objects.requireNonNull(currency, "currency");
        occupancy = occupancy == null ? Occupancy.UNLIMITED : occupancy;
        childPolicy = childPolicy == null ? ChildPolicy.NONE : childPolicy;
    }

    /** Whether this rate prices the night that begins on {@code night}. */
    public boolean covers(LocalDate night) {
        return !night.isBefore(validFrom) && !night.isAfter(validTo);
    }

    /**
     * What identifies the product across seasons: the hotel (its code, else its name), room type, board basis,
     * currency and supplier. Rates with the same product are the seasons of one offer.
     */
    public String productKey() {
        String hotel = hotelCode != null && !hotelCode.isBlank()
                ? "code:" + hotelCode.trim().toLowerCase(Locale.ROOT)
                : "name:" + hotelName.trim().toLowerCase(Locale.ROOT);
        return String.join("|", destination.key(), hotel, roomType.trim().toLowerCase(Locale.ROOT),
                boardBasis.name(), currency.getCurrencyCode(),
                supplier == null ? "" : supplier.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * How many guests a room takes; {@code null} means no limit.
     *
     * @param maxOccupancy adults and children together
     */
    public record Occupancy(Integer maxAdults, Integer maxChildren, Integer maxOccupancy) {

        public static final Occupancy UNLIMITED = new Occupancy(null, null, null);

        /** Whether one room takes this party. */
        public boolean fits(int adults, int children) {
            return (maxAdults == null || adults <= maxAdults) && (maxChildren == null || children <= maxChildren)
                    && (maxOccupancy == null || adults + children <= maxOccupancy);
        }
    }

    /**
     * What children pay per night. A child younger than {@code freeUnderAge} stays free; a child older than
     * {@code maxAge} pays as an adult; any other child pays {@code rate}, else {@code percent} of the rate, else what
     * the basis implies (a full per-person rate, or nothing on top of a per-room rate).
     *
     * @param freeUnderAge children younger than this stay free
     * @param maxAge the oldest age that counts as a child
     * @param rate a fixed amount per child and night
     * @param percent a percentage of the rate per child and night
     */
    public record ChildPolicy(Integer freeUnderAge, Integer maxAge, BigDecimal rate, BigDecimal percent) {

        public static final ChildPolicy NONE = new ChildPolicy(null, null, null, null);
    }
}
