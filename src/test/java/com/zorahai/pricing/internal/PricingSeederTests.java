package com.zorahai.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PricingSeederTests {

    private static final Path SEED = Path.of("config/seed/demo-travel");

    @Autowired
    PricingSeeder seeder;

    @Autowired
    RateImports imports;

    @Autowired
    HotelRateStore hotelRates;

    @Autowired
    FlightPriceStore flightPrices;

    @Test
    void theShippedDemoRatesAreAllValid() throws IOException {
        TenantId tenant = TenantId.of("seed-check");
        ImportReport rates = imports.hotelRates(tenant, Files.readAllBytes(SEED.resolve("hotel_rates.csv")), true);
        ImportReport flights = imports.flightPrices(tenant, Files.readAllBytes(SEED.resolve("flight_prices.csv")),
                true);
        assertThat(rates.errors()).isEmpty();
        assertThat(rates.valid()).isGreaterThanOrEqualTo(20);
        assertThat(flights.errors()).isEmpty();
        assertThat(flights.valid()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void seedsATenantOnceAndSkipsFoldersThatAreNotTenants(@TempDir Path dir) throws IOException {
        String id = "seed-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createDirectories(dir.resolve(id));
        Files.copy(SEED.resolve("hotel_rates.csv"), folder.resolve("hotel_rates.csv"));
        Files.copy(SEED.resolve("flight_prices.csv"), folder.resolve("flight_prices.csv"));
        Files.createDirectories(dir.resolve("Not A Tenant"));
        Files.writeString(dir.resolve("stray.csv"), "x");
        TenantId tenant = TenantId.of(id);

        int first = seeder.seed(dir);

        assertThat(first).isEqualTo(hotelRates.count(tenant, null) + flightPrices.count(tenant, null))
                .isPositive();
        assertThat(seeder.seed(dir)).isZero();
        assertThat(hotelRates.count(tenant, null) + flightPrices.count(tenant, null)).isEqualTo(first);
        assertThat(seeder.seed(dir.resolve("missing"))).isZero();
    }

    @Test
    void aBrokenSeedFileIsLoggedNotFatal(@TempDir Path dir) throws IOException {
        String id = "seed-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createDirectories(dir.resolve(id));
        Files.writeString(folder.resolve("hotel_rates.csv"), "not,a,known,header\n1,2,3,4\n");
        Files.writeString(folder.resolve("flight_prices.csv"), "origin,destination,depart_from,depart_to,cabin,"
                + "fare_adult,fare_child,currency\nJNB,CPT,2026-01-01,2026-02-01,economy,1,1,ZAR\n"
                + "JNB,CPT,bad,2026-02-01,economy,1,1,ZAR\n");

        assertThat(seeder.seed(dir)).isEqualTo(1);
    }
}
