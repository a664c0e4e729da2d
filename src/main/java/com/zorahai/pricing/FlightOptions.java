package com.zorahai.pricing;

import java.util.List;

/**
 * The priced fares of a flight request, cheapest first (the tenant's currency before others).
 *
 * @param source where the fares came from: {@code database} or {@code bigquery}
 */
public record FlightOptions(FlightRequest request, String source, List<FlightOption> options) {
}
