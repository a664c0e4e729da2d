package com.zorahai.booking.clinicapi;

import com.zorahai.booking.internal.AppointmentStore;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the clinic API adapter. It is always there: whether a tenant uses it depends on that tenant's configuration
 * ({@code booking.api_base_url}), read on every call.
 */
@Configuration(proxyBeanMethods = false)
class ClinicApiConfiguration {

    @Bean
    ClinicApiProvider clinicApiProvider(ClinicApiProperties properties, AppointmentStore appointments,
            ObjectProvider<CircuitBreakerRegistry> breakers) {
        return new ClinicApiProvider(new ClinicApiClient(properties), appointments, properties,
                breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults), Clock.systemUTC());
    }
}
