package com.zorahai.booking.clinicapi;

import com.zorahai.booking.internal.AppointmentStore;
import com.zorahai.booking.internal.BookingTenant;
import com.zorahai.tenancy.Tenants;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the clinic API adapter. It is always there: whether a tenant uses it depends on that tenant's configuration
 * ({@code booking.api_base_url}), read on every call.
 */
@Configuration(proxyBeanMethods = false)
class ClinicApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClinicApiConfiguration.class);

    /** Says at startup which tenants book through their clinic's API; the others use the built-in calendar. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> bookingModeReport(Tenants tenants) {
        return event -> {
            List<String> api = tenants.all().stream()
                    .filter(t -> t.booking() != null && BookingTenant.API.equals(t.booking().provider())
                            && t.booking().apiBaseUrl() != null)
                    .map(t -> t.id().value())
                    .toList();
            log.info(api.isEmpty()
                    ? "Booking: built-in calendar for every tenant (no clinic booking API configured)"
                    : "Booking: clinic booking API for " + api + ", built-in calendar for the others");
        };
    }

    @Bean
    ClinicApiProvider clinicApiProvider(ClinicApiProperties properties, AppointmentStore appointments,
            ObjectProvider<CircuitBreakerRegistry> breakers) {
        return new ClinicApiProvider(new ClinicApiClient(properties), appointments, properties,
                breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults), Clock.systemUTC());
    }
}
