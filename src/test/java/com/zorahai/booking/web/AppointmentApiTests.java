package com.zorahai.booking.web;

import static com.zorahai.booking.web.BookingApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.booking.BookingFixture;
import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.Tenants;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Booking, reading, listing and changing appointments through the API, on the built-in calendar.
 */
@IntegrationTest
class AppointmentApiTests {

    static final String APPOINTMENTS = "/api/v1/appointments";
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

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

    BookingFixture clinic;
    BookingApi api;

    @BeforeEach
    void clinic() {
        clinic = BookingFixture.clinic(tenants, admin);
        api = new BookingApi(mvc, tokens, clinic.tenantId());
    }

    @Test
    void bookingAnswersTheAppointmentInTheClinicsTimeZone() {
        ZonedDateTime start = BookingFixture.mondayAt("10:00");

        MvcTestResult result = api.post(Role.AGENT, APPOINTMENTS, """
                {"service_id": "%s", "start": "%s", "customer_name": "Rana Haddad", "customer_phone": "+961 3 123 456",
                 "gender": "male", "channel": "whatsapp", "language": "ar", "notes": "first session"}"""
                .formatted(clinic.laser, start.toLocalDateTime()));

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result.getResponse().getHeader("Location")).contains(APPOINTMENTS + "/" + read(result, "$.id"));
        assertThat(result).bodyJson().extractingPath("$.start").isEqualTo(start.format(ISO));
        assertThat(result).bodyJson().extractingPath("$.end").isEqualTo(start.plusHours(1).format(ISO));
        assertThat(result).bodyJson().extractingPath("$.time_zone").isEqualTo("Asia/Beirut");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("booked");
        assertThat(result).bodyJson().extractingPath("$.customer_phone").isEqualTo("+9613123456");
        assertThat(result).bodyJson().extractingPath("$.price.amount").isEqualTo(150.0);
        assertThat(result).bodyJson().extractingPath("$.price.currency").isEqualTo("USD");
        assertThat(result).bodyJson().extractingPath("$.service_name").isEqualTo("Laser full legs");
        assertThat(result).bodyJson().extractingPath("$.resource_name").isIn("Room 1", "Room 2");
        assertThat(result).bodyJson().extractingPath("$.provider").isEqualTo("builtin");
        assertThat(result).bodyJson().extractingPath("$.channel").isEqualTo("whatsapp");
        assertThat(result).bodyJson().extractingPath("$.client_id").isNotNull();
        String id = read(result, "$.id");
        assertThat(api.get(Role.CONSULTANT, APPOINTMENTS + "/" + id)).hasStatusOk().bodyJson()
                .extractingPath("$.notes").isEqualTo("first session");
    }

    @Test
    void aTakenSlotAnswers409AndTheSlotLeavesTheAvailability() {
        ZonedDateTime start = BookingFixture.mondayAt("12:00");
        String body = """
                {"service_id": "%s", "start": "%s", "resource_id": "%s", "customer_name": "A"}"""
                .formatted(clinic.laser, start.toOffsetDateTime(), clinic.room1);
        assertThat(api.post(Role.AGENT, APPOINTMENTS, body)).hasStatus(HttpStatus.CREATED);

        assertThat(api.post(Role.AGENT, APPOINTMENTS, body)).hasStatus(HttpStatus.CONFLICT).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/slot-taken");

        MvcTestResult slots = api.get(Role.AGENT, "/api/v1/booking/availability?service_id=" + clinic.laser
                + "&from=" + start.toLocalDate() + "&resource_id=" + clinic.room1);
        assertThat(slots).hasStatusOk();
        List<String> starts = read(slots, "$.slots[*].start");
        assertThat(starts).contains(start.minusHours(1).format(ISO),
                start.plusHours(1).format(ISO))
                .doesNotContain(start.format(ISO),
                        start.minusMinutes(45).format(ISO),
                        start.plusMinutes(45).format(ISO));
        assertThat(slots).bodyJson().extractingPath("$.time_zone").isEqualTo("Asia/Beirut");
        assertThat(slots).bodyJson().extractingPath("$.duration_minutes").isEqualTo(60);
    }

    @Test
    void outsideWorkingHoursClosedDaysAndThePastAnswer422() {
        ZonedDateTime sunday = BookingFixture.mondayAt("10:00").minusDays(1);
        assertProblem(api.post(Role.AGENT, APPOINTMENTS, booking(sunday)), HttpStatus.UNPROCESSABLE_CONTENT,
                "outside-working-hours");
        // would run past closing time
        assertProblem(api.post(Role.AGENT, APPOINTMENTS, booking(BookingFixture.mondayAt("17:30"))),
                HttpStatus.UNPROCESSABLE_CONTENT, "outside-working-hours");
        assertProblem(api.post(Role.AGENT, APPOINTMENTS, booking(BookingFixture.mondayAt("08:00"))),
                HttpStatus.UNPROCESSABLE_CONTENT, "outside-working-hours");
        assertProblem(api.post(Role.AGENT, APPOINTMENTS, booking(ZonedDateTime.now().minusDays(1))),
                HttpStatus.UNPROCESSABLE_CONTENT, "slot-in-past");
        assertProblem(api.post(Role.AGENT, APPOINTMENTS, booking(ZonedDateTime.now().plusYears(2))),
                HttpStatus.UNPROCESSABLE_CONTENT, "slot-too-far-ahead");
        admin.addClosure(clinic.tenant, new CalendarAdmin.ClosureDraft(BookingFixture.nextMonday(), null, null,
                "Holiday"));
        assertProblem(api.post(Role.AGENT, APPOINTMENTS, booking(BookingFixture.mondayAt("10:00"))),
                HttpStatus.UNPROCESSABLE_CONTENT, "outside-working-hours");
        assertThat(api.get(Role.AGENT, "/api/v1/booking/availability?service_id=" + clinic.laser + "&from="
                + BookingFixture.nextMonday())).bodyJson().extractingPath("$.slots").asArray().isEmpty();
    }

    @Test
    void invalidBookingsNameEveryBadField() {
        MvcTestResult result = api.post(Role.AGENT, APPOINTMENTS, """
                {"service_id": "", "start": "tomorrow", "customer_phone": "12", "gender": "x", "channel": "fax",
                 "client_id": "nope"}""");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(read(result, "$.errors[*].field").toString()).contains("start", "gender", "channel", "client_id");

        result = api.post(Role.AGENT, APPOINTMENTS, """
                {"service_id": "", "start": "%s", "customer_phone": "12", "language": "english language"}"""
                .formatted(BookingFixture.mondayAt("10:00").toOffsetDateTime()));
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(read(result, "$.errors[*].field").toString()).contains("service_id", "customer_name",
                "customer_phone", "language");

        assertThat(api.post(Role.AGENT, APPOINTMENTS, """
                {"service_id": "%s", "start": "%s", "customer_name": "A", "surprise": 1}"""
                .formatted(clinic.laser, BookingFixture.mondayAt("10:00").toOffsetDateTime())))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("surprise");
        assertThat(api.post(Role.AGENT, APPOINTMENTS, """
                {"service_id": "%s", "start": "%s", "customer_name": "A"}"""
                .formatted("00000000-0000-0000-0000-000000000000", BookingFixture.mondayAt("10:00")
                        .toOffsetDateTime())))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("service_id");
        assertThat(api.post(Role.AGENT, APPOINTMENTS, """
                {"service_id": "%s", "start": "%s", "customer_name": "A", "resource_id": "not-a-room"}"""
                .formatted(clinic.laser, BookingFixture.mondayAt("10:00").toOffsetDateTime())))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("resource_id");
        assertThat(api.get(Role.AGENT, APPOINTMENTS + "/not-a-uuid")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(Role.AGENT, "/api/v1/booking/availability")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("service_id");
        assertThat(api.get(Role.AGENT, "/api/v1/booking/availability?service_id=" + clinic.laser
                + "&from=2026-13-01")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(api.get(Role.AGENT, "/api/v1/booking/availability?service_id=" + clinic.laser
                + "&from=2026-12-10&to=2026-12-01")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("to");
        assertThat(api.get(Role.AGENT, "/api/v1/booking/availability?service_id=" + clinic.laser
                + "&from=2026-12-01&to=2027-03-01")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(Role.AGENT, "/api/v1/booking/availability?service_id=nope"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstAppointment() {
        String body = booking(BookingFixture.mondayAt("09:00"));
        MvcTestResult first = mvc.post().uri(APPOINTMENTS).header("Authorization", tokens.bearer(clinic.tenantId(),
                Role.AGENT)).header("Idempotency-Key", "turn-1").contentType("application/json").content(body)
                .exchange();
        MvcTestResult again = mvc.post().uri(APPOINTMENTS).header("Authorization", tokens.bearer(clinic.tenantId(),
                Role.AGENT)).header("Idempotency-Key", "turn-1").contentType("application/json").content(body)
                .exchange();
        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat((String) read(again, "$.id")).isEqualTo(read(first, "$.id"));

        MvcTestResult other = mvc.post().uri(APPOINTMENTS).header("Authorization", tokens.bearer(clinic.tenantId(),
                Role.AGENT)).header("Idempotency-Key", "turn-1").contentType("application/json")
                .content(booking(BookingFixture.mondayAt("15:00"))).exchange();
        assertProblem(other, HttpStatus.CONFLICT, "idempotency-key-reused");
    }

    @Test
    void cancelRescheduleNoShowAndCompleteFollowTheRules() {
        String id = book(BookingFixture.mondayAt("10:00"), clinic.room1);
        String path = APPOINTMENTS + "/" + id;

        MvcTestResult moved = api.patch(Role.AGENT, path, """
                {"start": "%s"}""".formatted(BookingFixture.mondayAt("13:00").toLocalDateTime()));
        assertThat(moved).hasStatusOk().bodyJson().extractingPath("$.start")
                .isEqualTo(BookingFixture.mondayAt("13:00").format(ISO));
        assertThat(moved).bodyJson().extractingPath("$.resource_id").isEqualTo(clinic.room1);
        // room 1 is taken at 15:00: the move goes to room 2
        book(BookingFixture.mondayAt("15:00"), clinic.room1);
        assertThat(api.patch(Role.AGENT, path, """
                {"start": "%s"}""".formatted(BookingFixture.mondayAt("15:00").toOffsetDateTime())))
                .hasStatusOk().bodyJson().extractingPath("$.resource_id").isEqualTo(clinic.room2);
        // both rooms taken at 15:00 now
        assertProblem(api.post(Role.AGENT, APPOINTMENTS, booking(BookingFixture.mondayAt("15:30"))),
                HttpStatus.CONFLICT, "slot-taken");
        String other = book(BookingFixture.mondayAt("17:00"), clinic.room1);
        assertProblem(api.patch(Role.AGENT, APPOINTMENTS + "/" + other, """
                {"start": "%s", "resource_id": "%s"}""".formatted(BookingFixture.mondayAt("15:00")
                .toOffsetDateTime(), clinic.room2)), HttpStatus.CONFLICT, "slot-taken");
        assertProblem(api.patch(Role.AGENT, path, """
                {"start": "%s"}""".formatted(BookingFixture.mondayAt("17:30").toOffsetDateTime())),
                HttpStatus.UNPROCESSABLE_CONTENT, "outside-working-hours");

        assertProblem(api.patch(Role.AGENT, path, "{\"status\": \"no_show\"}"), HttpStatus.CONFLICT,
                "appointment-not-started");
        assertProblem(api.patch(Role.AGENT, path, "{\"status\": \"completed\"}"), HttpStatus.CONFLICT,
                "appointment-not-started");
        MvcTestResult cancelled = api.patch(Role.AGENT, path, "{\"status\": \"cancelled\", \"reason\": \"ill\"}");
        assertThat(cancelled).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("cancelled");
        assertThat(cancelled).bodyJson().extractingPath("$.cancel_reason").isEqualTo("ill");
        assertThat(api.patch(Role.AGENT, path, "{\"status\": \"cancelled\"}")).hasStatusOk();
        assertProblem(api.patch(Role.AGENT, path, """
                {"start": "%s"}""".formatted(BookingFixture.mondayAt("11:00").toOffsetDateTime())),
                HttpStatus.CONFLICT, "appointment-not-booked");
        // the cancelled time is free again
        assertThat(api.post(Role.AGENT, APPOINTMENTS, booking(BookingFixture.mondayAt("15:00"))))
                .hasStatus(HttpStatus.CREATED);

        // an appointment that has begun
        String started = book(BookingFixture.mondayAt("11:00"), clinic.room2);
        startedAnHourAgo(started);
        assertProblem(api.patch(Role.AGENT, APPOINTMENTS + "/" + started, "{\"status\": \"cancelled\"}"),
                HttpStatus.CONFLICT, "appointment-started");
        assertThat(api.patch(Role.AGENT, APPOINTMENTS + "/" + started, "{\"status\": \"no_show\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("no_show");
        String done = book(BookingFixture.mondayAt("12:00"), clinic.room2);
        startedAnHourAgo(done);
        assertThat(api.patch(Role.AGENT, APPOINTMENTS + "/" + done, "{\"status\": \"completed\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("completed");

        assertThat(api.patch(Role.AGENT, path, "{}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(Role.AGENT, path, "{\"status\": \"booked\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(Role.AGENT, path, "{\"status\": \"gone\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(Role.AGENT, path, "{\"status\": \"cancelled\", \"start\": \"2030-01-01T10:00\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(Role.AGENT, path, "{\"status\": \"no_show\", \"reason\": \"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(Role.AGENT, path, "{\"start\": \"soon\"}")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void listsFilterByDaysStatusAndPhone() {
        String a = book(BookingFixture.mondayAt("09:00"), clinic.room1);
        api.post(Role.AGENT, APPOINTMENTS, """
                {"service_id": "%s", "start": "%s", "customer_name": "P", "customer_phone": "+96171123456"}"""
                .formatted(clinic.consultation, BookingFixture.mondayAt("09:00").plusDays(1).toOffsetDateTime()));
        api.patch(Role.AGENT, APPOINTMENTS + "/" + a, "{\"status\": \"cancelled\"}");
        String monday = BookingFixture.nextMonday().toString();

        assertThat(api.get(Role.AGENT, APPOINTMENTS)).hasStatusOk().bodyJson().extractingPath("$.total")
                .isEqualTo(2);
        assertThat(api.get(Role.AGENT, APPOINTMENTS + "?from=" + monday + "&to=" + monday)).bodyJson()
                .extractingPath("$.items[*].id").asArray().containsExactly(a);
        assertThat(api.get(Role.AGENT, APPOINTMENTS + "?status=booked")).bodyJson()
                .extractingPath("$.items[0].customer_phone").isEqualTo("+96171123456");
        assertThat(mvc.get().uri(APPOINTMENTS).param("phone", "+961 71 123 456")
                .header("Authorization", tokens.bearer(clinic.tenantId(), Role.AGENT))).bodyJson()
                .extractingPath("$.total").isEqualTo(1);
        MvcTestResult page = api.get(Role.AGENT, APPOINTMENTS + "?sort=start,desc&size=1&page=0");
        assertThat(page).bodyJson().extractingPath("$.items[0].service_name").isEqualTo("Consultation");
        assertThat(page).bodyJson().extractingPath("$.size").isEqualTo(1);
        MvcTestResult bad = api.get(Role.AGENT, APPOINTMENTS + "?status=maybe&phone=1&size=0&sort=name"
                + "&client_id=x&from=2026-02-02&to=2026-01-01");
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(read(bad, "$.errors[*].field").toString()).contains("status", "phone", "size", "sort",
                "client_id", "to");
    }

    @Test
    void everyAppointmentEndpointHidesAnotherTenantsRecords() {
        String id = book(BookingFixture.mondayAt("09:00"), clinic.room1);
        BookingFixture other = BookingFixture.clinic(tenants, admin);

        com.zorahai.TenantIsolation.of(mvc, tokens)
                .record(APPOINTMENTS + "/{id}", id)
                .ownedBy(clinic.tenantId())
                .as(Role.OWNER)
                .update(org.springframework.http.HttpMethod.PATCH, "{\"status\": \"cancelled\"}")
                .withoutDelete()
                .assertInvisibleTo(other.tenantId());
        assertThat(new BookingApi(mvc, tokens, other.tenantId()).get(Role.OWNER, APPOINTMENTS)).bodyJson()
                .extractingPath("$.total").isEqualTo(0);
        assertThat(api.get(Role.AGENT, APPOINTMENTS + "/" + id)).bodyJson().extractingPath("$.status")
                .isEqualTo("booked");
    }

    private String booking(ZonedDateTime start) {
        return """
                {"service_id": "%s", "start": "%s", "customer_name": "A"}""".formatted(clinic.laser,
                start.toOffsetDateTime());
    }

    private String book(ZonedDateTime start, String room) {
        MvcTestResult result = api.post(Role.AGENT, APPOINTMENTS, """
                {"service_id": "%s", "start": "%s", "resource_id": "%s", "customer_name": "A"}"""
                .formatted(clinic.laser, start.toOffsetDateTime(), room));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return read(result, "$.id");
    }

    private void startedAnHourAgo(String id) {
        jdbc.sql("update booking_appointments set start_at = now() - interval '1 hour', end_at = now()"
                + " where id = ?::uuid").param(id).update();
    }

    static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
        assertThat(result).hasStatus(status).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/" + type);
    }

}
