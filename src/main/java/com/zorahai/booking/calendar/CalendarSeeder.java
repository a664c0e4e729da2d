package com.zorahai.booking.calendar;

import com.zorahai.booking.calendar.CalendarAdmin.HoursDraft;
import com.zorahai.booking.calendar.CalendarAdmin.ResourceDraft;
import com.zorahai.booking.calendar.CalendarAdmin.ServiceDraft;
import com.zorahai.booking.internal.BookingProperties;
import com.zorahai.booking.internal.BookingTenants;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a demo calendar at startup: for each {@code <seed dir>/<tenant_id>/booking.json}, its services, staff or
 * rooms and opening hours, when that tenant is on the built-in calendar and has no services yet. All of one tenant
 * or nothing; a bad file is logged, never fatal.
 */
@Component
public class CalendarSeeder {

    static final String FILE = "booking.json";
    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Seed(List<SeedService> services, List<SeedResource> resources, List<HoursDraft> hours) {
    }

    record SeedService(String name, String description, Integer durationMinutes, BigDecimal price, String currency,
            BigDecimal priceFemale, BigDecimal priceMale) {
    }

    /** {@code services} names the services it does; none means all. */
    record SeedResource(String name, String kind, List<String> services) {
    }

    private final BookingProperties properties;
    private final BookingTenants tenants;
    private final CalendarStore store;
    private final CalendarAdmin admin;
    private final TransactionTemplate transaction;

    CalendarSeeder(BookingProperties properties, BookingTenants tenants, CalendarStore store, CalendarAdmin admin,
            PlatformTransactionManager transactions) {
        this.properties = properties;
        this.tenants = tenants;
        this.store = store;
        this.admin = admin;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnStartup() {
        if (properties.seed().enabled()) {
            seed(properties.seed().dir());
        }
    }

    /** Seeds every tenant folder of {@code dir} that holds a calendar; returns the number of tenants seeded. */
    public int seed(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(folder -> folder.resolve(FILE)).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException ex) {
            log.warn("Cannot read the booking seed folder {}: {}", dir, ex.getMessage());
            return 0;
        }
        int seeded = 0;
        for (Path file : files) {
            String name = file.getParent().getFileName().toString();
            if (!TenantId.isValid(name)) {
                log.warn("Skipping booking seed {}: its folder is not a tenant id", file);
                continue;
            }
            TenantId tenant = TenantId.of(name);
            if (tenants.resolve(tenant).usesApi() || store.anyService(tenant)) {
                continue;
            }
            try {
                Seed seed = JSON.readValue(Files.readString(file), Seed.class);
                Integer services = transaction.execute(status -> load(tenant, seed));
                log.info("Seeded the booking calendar of tenant {}: {} services from {}", tenant, services, file);
                seeded++;
            } catch (IOException | JacksonException | ProblemException ex) {
                log.warn("Cannot seed the booking calendar of tenant {} from {}: {}", tenant, file, ex.getMessage());
            }
        }
        return seeded;
    }

    private int load(TenantId tenant, Seed seed) {
        Map<String, UUID> services = new HashMap<>();
        for (SeedService s : seed.services() == null ? List.<SeedService>of() : seed.services()) {
            Set<String> fields = new java.util.HashSet<>(Set.of("name", "description", "duration_minutes", "price",
                    "price_female", "price_male"));
            if (s.currency() != null) {
                fields.add("currency");
            }
            var row = admin.createService(tenant, new ServiceDraft(s.name(), s.description(), s.durationMinutes(),
                    s.price(), s.currency(), s.priceFemale(), s.priceMale(), true, fields));
            services.put(row.name(), row.id());
        }
        for (SeedResource r : seed.resources() == null ? List.<SeedResource>of() : seed.resources()) {
            List<String> ids = (r.services() == null ? List.<String>of() : r.services()).stream()
                    .map(n -> {
                        UUID id = services.get(n);
                        if (id == null) {
                            throw ProblemException.invalidField("resources.services", "names no seeded service");
                        }
                        return id.toString();
                    })
                    .toList();
            admin.createResource(tenant, new ResourceDraft(r.name(), r.kind(), true, ids, Set.of("name", "kind",
                    "service_ids")));
        }
        admin.replaceHours(tenant, null, seed.hours() == null ? List.of() : seed.hours());
        return services.size();
    }
}
