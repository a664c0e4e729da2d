package com.zorahai.booking.internal;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Picks each tenant's booking system: the clinic's API when its configuration names one, the built-in calendar
 * otherwise.
 */
@Component
public class BookingProviders {

    private final List<BookingProvider> providers;

    BookingProviders(List<BookingProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public BookingProvider of(BookingTenant tenant) {
        String name = tenant.usesApi() ? BookingTenant.API : BookingTenant.BUILTIN;
        return providers.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No booking provider " + name));
    }
}
