package com.zorahai.pricing;

import com.zorahai.tenancy.TenantId;
import java.time.LocalDate;
import java.util.List;

/**
 * Where hotel rates and flight prices are read from: BigQuery when configured, PostgreSQL otherwise. Sources return
 * candidates; {@link StayPricing} and {@link FlightPricing} pick and price them.
 */
public interface PricingSource {

    /** A short name for logs and responses: {@code database} or {@code bigquery}. */
    String name();

    /** The tenant's rates for the destination that cover at least one night of the range, with the filters given. */
    List<HotelRate> hotelRates(TenantId tenant, RateQuery query);

    /** The tenant's fares on the route for a departure on that date (and a return, when given). */
    List<FlightPrice> flightPrices(TenantId tenant, FlightQuery query);

    /**
     * @param destinationKey a {@link Destination#key(String)}
     * @param firstNight the first night of the stay (the check-in date)
     * @param lastNight the last night of the stay (the day before check-out)
     * @param boardBasis only this board basis, when not null
     * @param minStars only hotels with at least this many stars, when not null
     */
    record RateQuery(String destinationKey, LocalDate firstNight, LocalDate lastNight, BoardBasis boardBasis,
            Integer minStars) {
    }

    /**
     * @param returnDate the return date; null for one-way fares
     * @param cabin only this cabin, when not null
     */
    record FlightQuery(String origin, String destination, LocalDate depart, LocalDate returnDate, Cabin cabin) {
    }
}
