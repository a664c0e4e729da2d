package com.zorahai.whatsapp.provider;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Tenants for adapter tests, built directly (no registry). */
public final class TestTenants {

    private TestTenants() {
    }

    public static Tenant with(String provider, String phoneNumberId, Map<String, String> credentials) {
        return new Tenant(TenantId.of("clinic-test"), "Clinic", Currency.getInstance("USD"), ZoneId.of("UTC"),
                Locale.ENGLISH, Set.of(Tenant.Feature.WHATSAPP), null, null, null, null, null,
                new Tenant.WhatsApp(provider, phoneNumberId, "hook-secret", credentials), null, null, null,
                Tenant.Source.FILE);
    }
}
