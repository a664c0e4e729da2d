package com.zorahai.booking.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reads the booking part of a tenant's configuration. A tenant without a configuration (no {@code client.yaml} and
 * no database row) uses the built-in calendar in UTC.
 */
@Component
public class BookingTenants {

    private final Tenants tenants;

    BookingTenants(Tenants tenants) {
        this.tenants = tenants;
    }

    public BookingTenant resolve(TenantId id) {
        return tenants.find(id).map(BookingTenants::of).orElseGet(() -> new BookingTenant(id, ZoneOffset.UTC,
                Locale.ENGLISH, Currency.getInstance("USD"), BookingTenant.BUILTIN, null, null));
    }

    static BookingTenant of(Tenant tenant) {
        Tenant.Booking booking = tenant.booking();
        ZoneId zone = tenant.timezone() == null ? ZoneOffset.UTC : tenant.timezone();
        return new BookingTenant(tenant.id(), zone, tenant.locale() == null ? Locale.ENGLISH : tenant.locale(),
                tenant.currency() == null ? Currency.getInstance("USD") : tenant.currency(),
                booking == null || booking.provider() == null ? BookingTenant.BUILTIN : booking.provider(),
                booking == null ? null : booking.apiBaseUrl(), booking == null ? null : booking.apiToken());
    }
}
