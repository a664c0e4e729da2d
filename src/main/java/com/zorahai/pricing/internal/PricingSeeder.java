package com.zorahai.pricing.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads demo rates at startup: for each {@code <seed dir>/<tenant_id>/} folder, {@code hotel_rates.csv} when the
 * tenant has no hotel rates and {@code flight_prices.csv} when it has no flight prices. Running twice (or on two
 * instances at once) adds nothing twice: imports update rows of the same product and season.
 */
@Component
public class PricingSeeder {

    private static final Logger log = LoggerFactory.getLogger(PricingSeeder.class);

    static final String HOTEL_RATES = "hotel_rates.csv";
    static final String FLIGHT_PRICES = "flight_prices.csv";

    private final PricingProperties properties;
    private final RateImports imports;
    private final HotelRateStore hotelRates;
    private final FlightPriceStore flightPrices;

    PricingSeeder(PricingProperties properties, RateImports imports, HotelRateStore hotelRates,
            FlightPriceStore flightPrices) {
        this.properties = properties;
        this.imports = imports;
        this.hotelRates = hotelRates;
        this.flightPrices = flightPrices;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnStartup() {
        if (properties.seed().enabled()) {
            seed(properties.seed().dir());
        }
    }

    /** Seeds every tenant folder under {@code dir}; returns the number of rows written. A bad file is logged. */
    public int seed(Path dir) {
        if (!Files.isDirectory(dir)) {
            log.debug("No pricing seed folder at {}", dir);
            return 0;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot read the pricing seed folder {}: {}", dir, e.getMessage());
            return 0;
        }
        int written = 0;
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            if (!TenantId.isValid(name)) {
                log.warn("Skipping pricing seed folder {}: not a tenant id", folder);
                continue;
            }
            TenantId tenant = TenantId.of(name);
            written += seedFile(tenant, folder.resolve(HOTEL_RATES), !hotelRates.any(tenant), true);
            written += seedFile(tenant, folder.resolve(FLIGHT_PRICES), !flightPrices.any(tenant), false);
        }
        return written;
    }

    private int seedFile(TenantId tenant, Path file, boolean empty, boolean hotels) {
        if (!empty || !Files.isRegularFile(file)) {
            return 0;
        }
        try {
            byte[] csv = Files.readAllBytes(file);
            ImportReport report = hotels
                    ? imports.hotelRates(tenant, csv, false)
                    : imports.flightPrices(tenant, csv, false);
            if (report.rejected() > 0) {
                log.warn("Pricing seed {} has {} invalid rows, first: {}", file, report.rejected(),
                        report.errors().getFirst());
            }
            log.info("Seeded {} rows from {} for tenant {}", report.imported(), file.getFileName(), tenant);
            return report.imported();
        } catch (IOException | ProblemException e) {
            log.warn("Cannot seed {} for tenant {}: {}", file, tenant, e.getMessage());
            return 0;
        }
    }
}
