package com.zorahai.booking.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.booking.BookableService;
import com.zorahai.booking.BookingFixture;
import com.zorahai.booking.Bookings;
import com.zorahai.booking.Gender;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CalendarSeederTests {

    private static final Path SHIPPED = Path.of("config/seed/demo-clinic/booking.json");

    @Autowired
    CalendarSeeder seeder;

    @Autowired
    CalendarStore store;

    @Autowired
    Bookings bookings;

    @Autowired
    Tenants tenants;

    @Test
    void theShippedLaserClinicCalendarLoadsOnceAndIsBookable(@TempDir Path dir) throws IOException {
        TenantId tenant = BookingFixture.tenant(tenants, BookingFixture.BEIRUT);
        Files.createDirectories(dir.resolve(tenant.value()));
        Files.copy(SHIPPED, dir.resolve(tenant.value()).resolve(CalendarSeeder.FILE));
        Files.createDirectories(dir.resolve("Not A Tenant"));
        Files.writeString(dir.resolve("Not A Tenant").resolve(CalendarSeeder.FILE), "{}");

        assertThat(seeder.seed(dir)).isEqualTo(1);
        assertThat(seeder.seed(dir)).isZero();

        List<BookableService> services = bookings.services(tenant);
        assertThat(services).hasSizeGreaterThanOrEqualTo(6);
        assertThat(services).allSatisfy(s -> assertThat(s.price().currency().getCurrencyCode()).isEqualTo("USD"));
        BookableService legs = services.stream().filter(s -> s.name().contains("full legs")).findFirst()
                .orElseThrow();
        assertThat(legs.priceFor(Gender.MALE).compareTo(legs.priceFor(Gender.FEMALE))).isPositive();
        assertThat(store.resources(tenant, false)).extracting(CalendarStore.ResourceRow::kind)
                .containsExactly("room", "room");
        assertThat(store.hours(tenant)).extracting(h -> h.weekday().getValue()).containsOnly(1, 2, 3, 4, 5, 6);
        assertThat(bookings.availability(tenant, legs.id(), BookingFixture.nextMonday())).isNotEmpty();
        assertThat(bookings.availability(tenant, legs.id(), BookingFixture.nextMonday().minusDays(1))).isEmpty();
    }

    @Test
    void aBrokenSeedIsLoggedAndLeavesNothingHalfWritten(@TempDir Path dir) throws IOException {
        TenantId tenant = BookingFixture.tenant(tenants, BookingFixture.BEIRUT);
        Path folder = Files.createDirectories(dir.resolve(tenant.value()));
        Files.writeString(folder.resolve(CalendarSeeder.FILE), """
                {"services": [{"name": "Fine", "duration_minutes": 30, "price": "10.00"}],
                 "resources": [{"name": "Room", "kind": "room", "services": ["Missing"]}]}""");
        TenantId other = BookingFixture.tenant(tenants, BookingFixture.BEIRUT);
        Files.createDirectories(dir.resolve(other.value()));
        Files.writeString(dir.resolve(other.value()).resolve(CalendarSeeder.FILE), "{\"services\": 5}");

        assertThat(seeder.seed(dir)).isZero();
        assertThat(store.anyService(tenant)).isFalse();
        assertThat(store.anyService(other)).isFalse();
        assertThat(seeder.seed(dir.resolve("missing"))).isZero();
    }
}
