package com.zorahai.booking;

import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.booking.calendar.CalendarAdmin.HoursDraft;
import com.zorahai.booking.calendar.CalendarAdmin.ResourceDraft;
import com.zorahai.booking.calendar.CalendarAdmin.ServiceDraft;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A clinic of its own for each test: a tenant in Asia/Beirut with a built-in calendar of two rooms open Monday to
 * Saturday 09:00-18:00 and two services.
 */
public final class BookingFixture {

    public static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");

    public final TenantId tenant;
    public final String laser;
    public final String consultation;
    public final String room1;
    public final String room2;

    private BookingFixture(TenantId tenant, String laser, String consultation, String room1, String room2) {
        this.tenant = tenant;
        this.laser = laser;
        this.consultation = consultation;
        this.room1 = room1;
        this.room2 = room2;
    }

    /** A tenant id no other test uses. */
    public static String newTenantId() {
        return "clinic-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A database tenant in {@code zone}, without a calendar yet. */
    public static TenantId tenant(Tenants tenants, ZoneId zone) {
        TenantId id = TenantId.of(newTenantId());
        tenants.create(new NewTenant(id, "Clinic " + id, Set.of(Tenant.Feature.BOOKING)));
        tenants.updateSettings(id, Map.of("timezone", zone.getId()));
        return id;
    }

    /** A clinic in Beirut with two rooms, a 60-minute laser service (gender prices) and a 15-minute consultation. */
    public static BookingFixture clinic(Tenants tenants, CalendarAdmin admin) {
        TenantId tenant = tenant(tenants, BEIRUT);
        var laser = admin.createService(tenant, new ServiceDraft("Laser full legs", "Diode laser", 60,
                new BigDecimal("120.00"), "USD", new BigDecimal("110.00"), new BigDecimal("150.00"), true,
                Set.of("name", "description", "duration_minutes", "price", "currency", "price_female",
                        "price_male")));
        var consultation = admin.createService(tenant, new ServiceDraft("Consultation", null, 15, BigDecimal.ZERO,
                null, null, null, true, Set.of("name", "duration_minutes", "price")));
        var room1 = admin.createResource(tenant, new ResourceDraft("Room 1", "room", true, List.of(),
                Set.of("name", "kind")));
        var room2 = admin.createResource(tenant, new ResourceDraft("Room 2", "room", true, List.of(),
                Set.of("name", "kind")));
        List<HoursDraft> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                hours.add(new HoursDraft(day.name().toLowerCase(), "09:00", "18:00"));
            }
        }
        admin.replaceHours(tenant, null, hours);
        return new BookingFixture(tenant, laser.id().toString(), consultation.id().toString(),
                room1.id().toString(), room2.id().toString());
    }

    /** A Monday at least a week ahead, in Beirut. */
    public static LocalDate nextMonday() {
        return LocalDate.now(BEIRUT).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** That Monday at {@code time} in Beirut. */
    public static ZonedDateTime mondayAt(String time) {
        return ZonedDateTime.of(nextMonday(), LocalTime.parse(time), BEIRUT);
    }

    public String tenantId() {
        return tenant.value();
    }
}
