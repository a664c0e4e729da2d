package com.zorahai.pricing;

import java.util.List;

/**
 * The priced options of a stay, cheapest first (options in the tenant's currency before others, as amounts in
 * different currencies are never compared).
 *
 * @param source where the rates came from: {@code database} or {@code bigquery}
 */
public record StayOptions(StayRequest request, String source, List<StayOption> options) {
}
