package com.zorahai.pricing.internal;

import com.zorahai.pricing.PricingSource;
import com.zorahai.pricing.PricingSourceUnavailableException;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The active pricing source (BigQuery when configured, else the database) and the database behind it, which answers
 * when the remote source fails and {@code zorah.pricing.fallback-to-database} is on.
 */
@Component
public class PricingSources {

    private static final Logger log = LoggerFactory.getLogger(PricingSources.class);

    private final PricingSource active;
    private final PricingSource database;
    private final boolean fallback;

    public PricingSources(List<PricingSource> sources, PricingProperties properties) {
        this.database = sources.stream().filter(s -> DatabasePricingSource.NAME.equals(s.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The database pricing source is missing"));
        this.active = sources.stream().filter(s -> s != database).findFirst().orElse(database);
        this.fallback = properties.fallbackToDatabase();
    }

    /** What a call answered, and which source answered it. */
    public record Answer<T>(String source, T value) {
    }

    /** Runs the call on the active source; on its failure on the database when fallback is on. */
    public <T> Answer<T> read(Function<PricingSource, T> call) {
        try {
            return new Answer<>(active.name(), call.apply(active));
        } catch (PricingSourceUnavailableException e) {
            if (!fallback || active == database) {
                throw e;
            }
            log.warn("Pricing source {} failed, answering from the database: {}", active.name(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName());
            return new Answer<>(database.name(), call.apply(database));
        }
    }

    public String activeName() {
        return active.name();
    }

    @EventListener(ApplicationReadyEvent.class)
    void logActiveSource() {
        log.info("Pricing source: {}{}", active.name(),
                active == database
                        ? " (PostgreSQL tables hotel_rates, flight_prices)"
                        : fallback ? " (falls back to the database on failure)" : "");
    }
}
