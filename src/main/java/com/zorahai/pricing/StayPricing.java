package com.zorahai.pricing;

import com.zorahai.pricing.internal.PricingSources;
import com.zorahai.pricing.internal.StayCalculator;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Prices hotel stays from the tenant's rates: for each hotel, room type and board basis with a rate for every
 * night, each night is priced with the rate valid that night (seasons split a stay), per room or per person, with
 * the child policy applied; options come cheapest first.
 */
@Service
public class StayPricing {

    private final PricingSources sources;
    private final Tenants tenants;

    StayPricing(PricingSources sources, Tenants tenants) {
        this.sources = sources;
        this.tenants = tenants;
    }

    /** The options for the stay, cheapest first; none when no product covers every night. */
    public StayOptions price(TenantId tenant, StayRequest request) {
        PricingSource.RateQuery query = new PricingSource.RateQuery(Destination.key(request.destination()),
                request.checkIn(), request.checkOut().minusDays(1), request.boardBasis(), request.minStars());
        PricingSources.Answer<List<HotelRate>> rates = sources.read(source -> source.hotelRates(tenant, query));
        Currency preferred = request.currency() != null ? request.currency() : tenantCurrency(tenant);
        return new StayOptions(request, rates.source(), StayCalculator.price(rates.value(), request, preferred));
    }

    private Currency tenantCurrency(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::currency).orElse(null);
    }
}
