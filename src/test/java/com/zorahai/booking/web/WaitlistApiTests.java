package com.zorahai.booking.web;

import static com.zorahai.booking.web.BookingApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.booking.BookingFixture;
import com.zorahai.booking.WaitlistSlotOffered;
import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.Tenants;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@RecordApplicationEvents
class WaitlistApiTests {

    static final String WAITLIST = "/api/v1/booking/waitlist";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    CalendarAdmin admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void staffKeepTheWaitlistAndAnotherTenantSeesNoneOfIt() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        BookingApi api = new BookingApi(mvc, tokens, clinic.tenantId());
        LocalDate monday = BookingFixture.nextMonday();

        MvcTestResult joined = api.post(Role.AGENT, WAITLIST, """
                {"service_id": "%s", "customer_name": "Maya", "customer_phone": "+961 70 111 222",
                 "earliest": "%s", "latest": "%s", "channel": "phone"}""".formatted(clinic.laser, monday,
                monday.plusDays(2)));
        assertThat(joined).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("waiting");
        assertThat(joined).bodyJson().extractingPath("$.customer_phone").isEqualTo("+96170111222");
        assertThat(joined).bodyJson().extractingPath("$.client_id").isNotNull();
        String id = read(joined, "$.id");
        assertThat(api.get(Role.AGENT, WAITLIST + "?status=waiting")).bodyJson().extractingPath("$.total")
                .isEqualTo(1);
        assertThat(api.get(Role.AGENT, WAITLIST + "?status=later")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.post(Role.AGENT, WAITLIST, "{\"service_id\": \"%s\", \"channel\": \"pigeon\"}"
                .formatted(clinic.laser))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("channel");

        BookingFixture other = BookingFixture.clinic(tenants, admin);
        TenantIsolation.of(mvc, tokens).record(WAITLIST + "/{id}", id).ownedBy(clinic.tenantId()).withoutUpdate()
                .assertInvisibleTo(other.tenantId());

        assertThat(api.delete(Role.AGENT, WAITLIST + "/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(Role.AGENT, WAITLIST + "/" + id)).bodyJson().extractingPath("$.status")
                .isEqualTo("removed");
        assertThat(api.delete(Role.AGENT, WAITLIST + "/not-an-id")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aNoShowOffersWhatIsLeftOfItsTimeToAShorterService() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        BookingApi api = new BookingApi(mvc, tokens, clinic.tenantId());
        MvcTestResult booked = api.post(Role.AGENT, "/api/v1/appointments", """
                {"service_id": "%s", "start": "%s", "resource_id": "%s", "customer_name": "Late"}"""
                .formatted(clinic.laser, BookingFixture.mondayAt("10:00").toOffsetDateTime(), clinic.room1));
        String appointment = read(booked, "$.id");
        // the 60-minute appointment began 10 minutes ago
        jdbc.sql("update booking_appointments set start_at = now() - interval '10 minutes',"
                + " end_at = now() + interval '50 minutes' where id = ?::uuid").param(appointment).update();
        LocalDate today = LocalDate.now(BookingFixture.BEIRUT);
        api.post(Role.AGENT, WAITLIST, """
                {"service_id": "%s", "customer_name": "Long", "customer_phone": "+96170000001", "latest": "%s"}"""
                .formatted(clinic.laser, today.plusDays(1)));
        MvcTestResult shortOne = api.post(Role.AGENT, WAITLIST, """
                {"service_id": "%s", "customer_name": "Quick", "customer_phone": "+96170000002", "latest": "%s",
                 "language": "fr"}""".formatted(clinic.consultation, today.plusDays(1)));

        assertThat(api.patch(Role.AGENT, "/api/v1/appointments/" + appointment, "{\"status\": \"no_show\"}"))
                .hasStatusOk();

        // the laser service no longer fits in the 45 minutes left; the 15-minute consultation does
        assertThat(events.stream(WaitlistSlotOffered.class).filter(e -> e.tenantId().equals(clinic.tenant)))
                .singleElement().satisfies(offer -> {
                    assertThat(offer.waitlistEntryId().toString()).isEqualTo(read(shortOne, "$.id"));
                    assertThat(offer.customerName()).isEqualTo("Quick");
                    assertThat(offer.language()).isEqualTo("fr");
                    assertThat(java.time.Duration.between(offer.startsAt(), offer.endsAt())).hasMinutes(15);
                    assertThat(offer.startsAt()).isAfter(java.time.Instant.now());
                });
    }

    @Test
    void aClientsExportHasTheirBookings() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        BookingApi api = new BookingApi(mvc, tokens, clinic.tenantId());
        MvcTestResult booked = api.post(Role.AGENT, "/api/v1/appointments", """
                {"service_id": "%s", "start": "%s", "customer_name": "Export Me", "customer_phone": "+96176555444"}"""
                .formatted(clinic.laser, BookingFixture.mondayAt("10:00").toOffsetDateTime()));
        String client = read(booked, "$.client_id");

        MvcTestResult export = api.get(Role.OWNER, "/api/v1/clients/" + client + "/export");

        assertThat(export).hasStatusOk();
        assertThat(BookingApi.body(export)).contains("\"booking\"", "Export Me", "Laser full legs");
    }
}
