package com.zorahai.pricing.internal;

import com.zorahai.pricing.FlightPrice;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.PricingSource;
import com.zorahai.tenancy.TenantId;
import java.util.List;
import org.springframework.stereotype.Component;

/** The local default: rates and fares from the tenant's rows in PostgreSQL. */
@Component
class DatabasePricingSource implements PricingSource {

    static final String NAME = "database";

    private final HotelRateStore rates;
    private final FlightPriceStore flights;

    DatabasePricingSource(HotelRateStore rates, FlightPriceStore flights) {
        this.rates = rates;
        this.flights = flights;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<HotelRate> hotelRates(TenantId tenant, RateQuery query) {
        return rates.lookup(tenant, query);
    }

    @Override
    public List<FlightPrice> flightPrices(TenantId tenant, FlightQuery query) {
        return flights.lookup(tenant, query);
    }
}
