package com.zorahai.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.pricing.FlightPrice;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.PricingSource;
import com.zorahai.pricing.PricingSourceUnavailableException;
import com.zorahai.tenancy.TenantId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PricingSourcesTests {

    private static final TenantId TENANT = TenantId.of("sources-test");

    private static PricingProperties properties(boolean fallback) {
        return new PricingProperties(new PricingProperties.Seed(false, Path.of("none")),
                new PricingProperties.Import(DataSize.ofMegabytes(1), 10), fallback);
    }

    private record Fixed(String name, boolean fails) implements PricingSource {

        @Override
        public List<HotelRate> hotelRates(TenantId tenant, RateQuery query) {
            if (fails) {
                throw new PricingSourceUnavailableException(name, new IllegalStateException("down"));
            }
            return List.of();
        }

        @Override
        public List<FlightPrice> flightPrices(TenantId tenant, FlightQuery query) {
            return List.of();
        }
    }

    @Test
    void theRemoteSourceIsActiveWhenPresent() {
        PricingSources sources = new PricingSources(List.of(new Fixed("database", false), new Fixed("bigquery",
                false)), properties(true));
        assertThat(sources.activeName()).isEqualTo("bigquery");
        assertThat(sources.read(s -> s.hotelRates(TENANT, null)).source()).isEqualTo("bigquery");
    }

    @Test
    void aFailingRemoteSourceFallsBackToTheDatabase() {
        PricingSources sources = new PricingSources(List.of(new Fixed("bigquery", true), new Fixed("database",
                false)), properties(true));
        assertThat(sources.read(s -> s.hotelRates(TENANT, null)).source()).isEqualTo("database");
    }

    @Test
    void withoutFallbackTheFailureIsAProblem() {
        PricingSources sources = new PricingSources(List.of(new Fixed("database", false), new Fixed("bigquery",
                true)), properties(false));
        assertThatThrownBy(() -> sources.read(s -> s.hotelRates(TENANT, null)))
                .isInstanceOf(PricingSourceUnavailableException.class);
    }

    @Test
    void theDatabaseAloneAnswersItself() {
        PricingSources sources = new PricingSources(List.of(new Fixed("database", false)), properties(true));
        assertThat(sources.activeName()).isEqualTo("database");
        sources.logActiveSource();
    }
}
