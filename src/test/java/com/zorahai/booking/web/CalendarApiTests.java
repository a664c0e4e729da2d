package com.zorahai.booking.web;

import static com.zorahai.booking.web.AppointmentApiTests.assertProblem;
import static com.zorahai.booking.web.BookingApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.booking.BookingFixture;
import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.Tenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Managing the built-in calendar through the API: services with gender prices, staff and rooms, hours, closures.
 */
@IntegrationTest
class CalendarApiTests {

    static final String SERVICES = "/api/v1/booking/services";
    static final String RESOURCES = "/api/v1/booking/resources";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    CalendarAdmin admin;

    @Test
    void ownersCreateAndChangeServicesThatEveryoneReads() {
        String tenant = BookingFixture.tenant(tenants, BookingFixture.BEIRUT).value();
        BookingApi api = new BookingApi(mvc, tokens, tenant);

        MvcTestResult created = api.post(Role.OWNER, SERVICES, """
                {"name": "Laser – underarms", "description": "Both sides", "duration_minutes": 15,
                 "price": {"amount": 30, "currency": "USD"},
                 "prices_by_gender": {"female": {"amount": "30.00"}, "male": {"amount": 40}}}""");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String id = read(created, "$.id");
        assertThat(created).bodyJson().extractingPath("$.prices_by_gender.male.amount").isEqualTo(40.0);
        assertThat(created).bodyJson().extractingPath("$.price.currency").isEqualTo("USD");

        assertThat(api.get(Role.AGENT, SERVICES)).hasStatusOk().bodyJson().extractingPath("$.items[0].name")
                .isEqualTo("Laser – underarms");
        assertThat(api.post(Role.AGENT, SERVICES, "{\"name\": \"x\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(Role.CONSULTANT, SERVICES, "{\"name\": \"x\"}")).hasStatus(HttpStatus.FORBIDDEN);

        MvcTestResult changed = api.patch(Role.ADMIN, SERVICES + "/" + id, """
                {"price": {"amount": 35}, "prices_by_gender": null, "active": false}""");
        assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.price.amount").isEqualTo(35.0);
        assertThat(changed).bodyJson().extractingPath("$.prices_by_gender").asMap().isEmpty();
        assertThat(changed).bodyJson().extractingPath("$.description").isEqualTo("Both sides");
        assertThat(api.get(Role.AGENT, SERVICES)).bodyJson().extractingPath("$.total").isEqualTo(0);
        assertThat(api.get(Role.AGENT, SERVICES + "?include_inactive=true")).bodyJson()
                .extractingPath("$.total").isEqualTo(1);
        assertThat(api.get(Role.AGENT, SERVICES + "/" + id)).hasStatusOk().bodyJson().extractingPath("$.active")
                .isEqualTo(false);
        assertProblem(api.get(Role.AGENT, SERVICES + "/not-an-id"), HttpStatus.NOT_FOUND, "service-not-found");

        assertProblem(api.post(Role.OWNER, SERVICES, """
                {"name": "LASER – UNDERARMS", "duration_minutes": 15, "price": {"amount": 1}}"""),
                HttpStatus.CONFLICT, "service-name-taken");
    }

    @Test
    void invalidServicesNameEveryBadField() {
        String tenant = BookingFixture.tenant(tenants, BookingFixture.BEIRUT).value();
        BookingApi api = new BookingApi(mvc, tokens, tenant);

        MvcTestResult result = api.post(Role.OWNER, SERVICES, """
                {"name": " ", "duration_minutes": 2, "price": {"amount": -1, "currency": "XXXX"},
                 "prices_by_gender": {"male": {"amount": 1.234}}}""");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(read(result, "$.errors[*].field").toString()).contains("name", "duration_minutes",
                "price.currency", "prices_by_gender.male");
        assertThat(api.post(Role.OWNER, SERVICES, """
                {"name": "a", "duration_minutes": 10, "price": {"amount": 1}, "prices_by_gender": {"other": null}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("prices_by_gender.other");
        assertThat(api.post(Role.OWNER, SERVICES, "{\"name\": \"a\", \"colour\": \"red\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("colour");
        assertThat(api.post(Role.OWNER, SERVICES, "[]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.post(Role.OWNER, SERVICES, """
                {"name": "a", "duration_minutes": 10, "price": {"amount": 1},
                 "prices_by_gender": {"male": {"amount": 1, "currency": "EUR"}}}""")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void resourcesHoursAndClosuresShapeTheAvailability() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        BookingApi api = new BookingApi(mvc, tokens, clinic.tenantId());
        String monday = BookingFixture.nextMonday().toString();

        MvcTestResult staff = api.post(Role.ADMIN, RESOURCES, """
                {"name": "Dr. Lina", "kind": "staff", "service_ids": ["%s"]}""".formatted(clinic.consultation));
        assertThat(staff).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.service_ids[0]")
                .isEqualTo(clinic.consultation);
        String lina = read(staff, "$.id");
        assertThat(api.get(Role.AGENT, RESOURCES)).bodyJson().extractingPath("$.total").isEqualTo(3);
        assertThat(api.get(Role.AGENT, RESOURCES + "/" + lina + "/hours")).hasStatusOk().bodyJson()
                .extractingPath("$.clinic_hours").isEqualTo(true);

        // Dr. Lina works Mondays 16:00-17:00 only
        MvcTestResult hours = api.put(Role.ADMIN, RESOURCES + "/" + lina + "/hours", """
                {"hours": [{"weekday": "monday", "opens": "16:00", "closes": "17:00"}]}""");
        assertThat(hours).hasStatusOk().bodyJson().extractingPath("$.clinic_hours").isEqualTo(false);
        MvcTestResult slots = api.get(Role.AGENT, "/api/v1/booking/availability?service_id=" + clinic.consultation
                + "&from=" + monday + "&resource_id=" + lina);
        assertThat(read(slots, "$.slots[*].start").toString()).contains("T16:00:00+02:00", "T16:45:00+02:00")
                .doesNotContain("T15:45:00", "T17:00:00");
        // the laser service is not one of hers
        assertThat(api.get(Role.AGENT, "/api/v1/booking/availability?service_id=" + clinic.laser + "&from="
                + monday + "&resource_id=" + lina)).hasStatus(HttpStatus.BAD_REQUEST);

        // the clinic closes on Saturdays from now on; a closure takes Monday off for room 2
        assertThat(api.put(Role.OWNER, "/api/v1/booking/hours", """
                {"hours": [{"weekday": 1, "opens": "09:00", "closes": "13:00"},
                           {"weekday": "tue", "opens": "14:00", "closes": "18:00"}]}""")).hasStatusOk()
                .bodyJson().extractingPath("$.hours").asArray().hasSize(2);
        MvcTestResult closure = api.post(Role.OWNER, "/api/v1/booking/closures", """
                {"starts_on": "%s", "resource_id": "%s", "reason": "Maintenance"}""".formatted(monday,
                clinic.room2));
        assertThat(closure).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.ends_on").isEqualTo(monday);
        String closureId = read(closure, "$.id");
        slots = api.get(Role.AGENT, "/api/v1/booking/availability?service_id=" + clinic.laser + "&from=" + monday);
        List<String> rooms = read(slots, "$.slots[*].resource_name");
        assertThat(rooms).isNotEmpty().containsOnly("Room 1");
        List<String> starts = read(slots, "$.slots[*].start");
        assertThat(starts.getLast()).endsWith("T12:00:00+02:00");
        assertThat(api.get(Role.AGENT, "/api/v1/booking/closures?from=" + monday)).bodyJson()
                .extractingPath("$.total").isEqualTo(1);
        assertThat(api.delete(Role.AGENT, "/api/v1/booking/closures/" + closureId))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.delete(Role.OWNER, "/api/v1/booking/closures/" + closureId))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(Role.OWNER, "/api/v1/booking/closures/" + closureId)).hasStatus(HttpStatus.NOT_FOUND);

        // room 2 retired
        assertThat(api.patch(Role.OWNER, RESOURCES + "/" + clinic.room2, "{\"active\": false}")).hasStatusOk()
                .bodyJson().extractingPath("$.active").isEqualTo(false);
        assertThat(api.get(Role.AGENT, RESOURCES)).bodyJson().extractingPath("$.total").isEqualTo(2);
        assertThat(api.get(Role.AGENT, "/api/v1/booking/hours")).bodyJson().extractingPath("$.hours[1].weekday")
                .isEqualTo("tuesday");
    }

    @Test
    void invalidCalendarInputNamesTheField() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        BookingApi api = new BookingApi(mvc, tokens, clinic.tenantId());

        MvcTestResult resource = api.post(Role.OWNER, RESOURCES, """
                {"name": "", "kind": "robot", "service_ids": ["x", "%s"]}""".formatted(java.util.UUID.randomUUID()));
        assertThat(read(resource, "$.errors[*].field").toString()).contains("name", "kind", "service_ids[0]",
                "service_ids[1]");
        assertProblem(api.post(Role.OWNER, RESOURCES, "{\"name\": \"room 1\", \"kind\": \"room\"}"),
                HttpStatus.CONFLICT, "resource-name-taken");
        MvcTestResult hours = api.put(Role.OWNER, "/api/v1/booking/hours", """
                {"hours": [{"weekday": "funday", "opens": "9am", "closes": "10:00"},
                           {"weekday": "monday", "opens": "10:00", "closes": "09:00"},
                           {"weekday": "monday", "opens": "10:00:30", "closes": "11:00"}]}""");
        assertThat(read(hours, "$.errors[*].field").toString()).contains("hours[0].weekday", "hours[0].opens",
                "hours[1].closes", "hours[2].opens");
        assertThat(api.put(Role.OWNER, "/api/v1/booking/hours", """
                {"hours": [{"weekday": "monday", "opens": "09:00", "closes": "12:00"},
                           {"weekday": "monday", "opens": "11:00", "closes": "13:00"}]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("hours");
        MvcTestResult closure = api.post(Role.OWNER, "/api/v1/booking/closures", """
                {"starts_on": "2027-01-10", "ends_on": "2027-01-01", "resource_id": "nope"}""");
        assertThat(read(closure, "$.errors[*].field").toString()).contains("ends_on", "resource_id");
        assertThat(api.post(Role.OWNER, "/api/v1/booking/closures", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("starts_on");
        assertThat(api.get(Role.OWNER, RESOURCES + "/nope")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherTenantSeesNoneOfTheCalendar() {
        BookingFixture clinic = BookingFixture.clinic(tenants, admin);
        BookingFixture other = BookingFixture.clinic(tenants, admin);
        BookingApi api = new BookingApi(mvc, tokens, clinic.tenantId());
        String closure = read(api.post(Role.OWNER, "/api/v1/booking/closures", """
                {"starts_on": "%s"}""".formatted(BookingFixture.nextMonday())), "$.id");

        TenantIsolation.of(mvc, tokens).record(SERVICES + "/{id}", clinic.laser).ownedBy(clinic.tenantId())
                .as(Role.OWNER).update(HttpMethod.PATCH, "{\"name\": \"Stolen\"}").withoutDelete()
                .assertInvisibleTo(other.tenantId());
        TenantIsolation.of(mvc, tokens).record(RESOURCES + "/{id}", clinic.room1).ownedBy(clinic.tenantId())
                .as(Role.OWNER).update(HttpMethod.PATCH, "{\"name\": \"Stolen\"}").withoutDelete()
                .assertInvisibleTo(other.tenantId());
        TenantIsolation.of(mvc, tokens).record(RESOURCES + "/{id}/hours", clinic.room1).ownedBy(clinic.tenantId())
                .as(Role.OWNER).update(HttpMethod.PUT, "{\"hours\": []}").withoutDelete()
                .assertInvisibleTo(other.tenantId());
        TenantIsolation.of(mvc, tokens).record("/api/v1/booking/closures/{id}", closure).ownedBy(clinic.tenantId())
                .as(Role.OWNER).withoutUpdate().assertInvisibleTo(other.tenantId());
        // another tenant's resource and service ids are unknown in availability and bookings
        BookingApi otherApi = new BookingApi(mvc, tokens, other.tenantId());
        assertThat(otherApi.get(Role.OWNER, "/api/v1/booking/availability?service_id=" + clinic.laser))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(otherApi.get(Role.OWNER, "/api/v1/booking/availability?service_id=" + other.laser
                + "&resource_id=" + clinic.room1)).hasStatus(HttpStatus.BAD_REQUEST);
    }
}
