package com.zorahai.pricing;

import com.zorahai.platform.Money;
import com.zorahai.pricing.internal.PricingSources;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Service;

/** Prices flights from the tenant's fares for a party of adults, children and infants; cheapest first. */
@Service
public class FlightPricing {

    private final PricingSources sources;
    private final Tenants tenants;

    FlightPricing(PricingSources sources, Tenants tenants) {
        this.sources = sources;
        this.tenants = tenants;
    }

    public FlightOptions price(TenantId tenant, FlightRequest request) {
        PricingSource.FlightQuery query = new PricingSource.FlightQuery(request.origin(), request.destination(),
                request.depart(), request.returnDate(), request.cabin());
        PricingSources.Answer<List<FlightPrice>> fares = sources.read(source -> source.flightPrices(tenant, query));
        Currency preferred = request.currency() != null
                ? request.currency()
                : tenants.find(tenant).map(Tenant::currency).orElse(null);
        List<FlightOption> options = fares.value().stream()
                .filter(fare -> fare.matches(request.depart(), request.returnDate()))
                .filter(fare -> request.cabin() == null || fare.cabin() == request.cabin())
                .filter(fare -> request.currency() == null || fare.currency().equals(request.currency()))
                .map(fare -> option(fare, request))
                .sorted(Comparator.comparing((FlightOption o) -> !o.total().currency().equals(preferred))
                        .thenComparing(o -> o.total().currency().getCurrencyCode())
                        .thenComparing(o -> o.total().amount(), BigDecimal::compareTo)
                        .thenComparing(o -> o.airline() == null ? "" : o.airline()))
                .toList();
        return new FlightOptions(request, fares.source(), options);
    }

    /** One fare priced for the party. */
    static FlightOption option(FlightPrice fare, FlightRequest request) {
        Currency currency = fare.currency();
        Money adult = Money.of(fare.fareAdult(), currency).rounded();
        Money child = Money.of(fare.fareChild(), currency).rounded();
        Money infant = Money.of(fare.fareInfant() != null ? fare.fareInfant() : fare.fareChild(), currency)
                .rounded();
        int adults = request.adultFares();
        int children = request.childFares();
        int infants = request.infantFares();
        Money total = adult.times(adults).plus(child.times(children)).plus(infant.times(infants)).rounded();
        return new FlightOption(fare.id(), fare.origin(), fare.destination(), request.depart(),
                request.returnDate(), fare.cabin(), fare.airline(), fare.supplier(), adult, child, infant, adults,
                children, infants, total);
    }
}
