package com.zorahai.booking.internal;

import com.zorahai.tenancy.TenantId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/**
 * What booking needs of a tenant's configuration: its time zone, language, currency and booking system.
 *
 * @param apiToken the bearer token of the clinic's API; a secret, never printed
 */
public record BookingTenant(TenantId id, ZoneId zone, Locale locale, Currency currency, String provider,
        String apiBaseUrl, String apiToken) {

    public static final String BUILTIN = "builtin";
    public static final String API = "api";

    /** Whether the clinic's own booking API holds the calendar. */
    public boolean usesApi() {
        return API.equals(provider) && apiBaseUrl != null && !apiBaseUrl.isBlank();
    }

    /** The country national phone numbers are read in, if the tenant's locale names one. */
    public String region() {
        String country = locale == null ? "" : locale.getCountry();
        return country.isEmpty() ? null : country;
    }

    /** The tenant's language, e.g. {@code en}. */
    public String language() {
        return locale == null || locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
    }

    @Override
    public String toString() {
        return "BookingTenant[" + id + ", " + zone + ", " + (usesApi() ? API : BUILTIN) + "]";
    }
}
