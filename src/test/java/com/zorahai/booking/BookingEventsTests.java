package com.zorahai.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events are stored as JSON and read back when they are redelivered after a crash; the API's values behave.
 */
class BookingEventsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eventsSurviveTheRoundTripThroughJson() {
        TenantId tenant = TenantId.of("events-test");
        AppointmentId id = AppointmentId.random();
        ClientId client = ClientId.random();
        Instant start = Instant.parse("2026-12-07T08:00:00Z");
        LocalDateTime local = LocalDateTime.parse("2026-12-07T10:00");
        ZoneId zone = ZoneId.of("Asia/Beirut");
        Object[] events = {
                new AppointmentBooked(tenant, id, "svc", "Laser", start, local, zone, "Room 1", "Rana", "+9613123456",
                        client, Channel.WHATSAPP, "ar"),
                new AppointmentCancelled(tenant, id, "Laser", start, local, zone, "+9613123456", client, "ill"),
                new AppointmentRescheduled(tenant, id, "Laser", start, local, start.plusSeconds(3600),
                        local.plusHours(1), zone, "Room 2", "+9613123456", client),
                new AppointmentNoShow(tenant, id, "Laser", start, local, zone, null, null),
                new AppointmentReminderDue(tenant, id, "Rana", "+9613123456", "Laser", start, local, zone, "Room 1",
                        "en", "appointment_reminder"),
                new WaitlistSlotOffered(tenant, UUID.randomUUID(), "Maya", "+96170111222", "svc", "Laser", start,
                        local, start.plusSeconds(3600), zone, "r1", "Room 1", "ar")};
        for (Object event : events) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void enumsHaveStableLowerCaseNames() {
        assertThat(Channel.find(" WhatsApp ")).hasValue(Channel.WHATSAPP);
        assertThat(Channel.find("fax")).isEmpty();
        assertThat(Channel.find(null)).isEmpty();
        assertThat(Gender.find("Female")).hasValue(Gender.FEMALE);
        assertThat(Gender.find(null)).isEmpty();
        assertThat(AppointmentStatus.find("no_show")).hasValue(AppointmentStatus.NO_SHOW);
        assertThat(AppointmentStatus.NO_SHOW.value()).isEqualTo("no_show");
        assertThat(AppointmentStatus.find(null)).isEmpty();
    }

    @Test
    void servicesPriceByGenderAndIdsParse() {
        BookableService service = new BookableService("s", "Laser", null, 45, Money.of("100", "USD"),
                Map.of(Gender.MALE, Money.of("130", "USD")), true);
        assertThat(service.priceFor(Gender.MALE).amount()).isEqualByComparingTo("130");
        assertThat(service.priceFor(Gender.FEMALE).amount()).isEqualByComparingTo("100");
        assertThat(service.duration()).hasMinutes(45);
        assertThat(new BookableService("s", "x", null, 5, Money.of("1", "USD"), null, true).pricesByGender())
                .isEmpty();
        UUID uuid = UUID.randomUUID();
        assertThat(AppointmentId.parse(" " + uuid + " ", "id")).isEqualTo(AppointmentId.of(uuid));
        assertThat(AppointmentId.of(uuid)).hasToString(uuid.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AppointmentId.parse("x", "id"))
                .isInstanceOf(com.zorahai.platform.ProblemException.class);
    }
}
