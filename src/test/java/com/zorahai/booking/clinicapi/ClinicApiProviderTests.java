package com.zorahai.booking.clinicapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.booking.AppointmentStatus;
import com.zorahai.booking.BookableService;
import com.zorahai.booking.Channel;
import com.zorahai.booking.Gender;
import com.zorahai.booking.NewAppointment;
import com.zorahai.booking.Slot;
import com.zorahai.booking.internal.AppointmentRow;
import com.zorahai.booking.internal.AppointmentStore;
import com.zorahai.booking.internal.BookingProvider.Placed;
import com.zorahai.booking.internal.BookingTenant;
import com.zorahai.identity.Role;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.tenancy.internal.TenantRegistry;
import com.zorahai.tenancy.internal.TenantStore;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The clinic API adapter against WireMock playing the clinic's booking system: each call, its headers and body, and
 * how each kind of failure becomes a problem without leaking the token.
 */
@IntegrationTest
class ClinicApiProviderTests {

    static final String TOKEN = "clinic-secret-token-123";
    static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    static final String SERVICES = """
            {"services": [
              {"id": "svc_legs", "name": "Laser – full legs", "description": "Diode laser", "duration_minutes": 60,
               "price": {"amount": "120.00", "currency": "USD"},
               "prices_by_gender": {"female": {"amount": "110.00", "currency": "USD"},
                                    "male": {"amount": "150.00", "currency": "USD"}},
               "active": true, "category": "laser"},
              {"id": "svc_old", "name": "Old peel", "duration_minutes": 30, "price": {"amount": 50}, "active": false},
              {"id": "svc_broken", "name": "No price", "duration_minutes": 30}
            ]}""";

    @Autowired
    AppointmentStore appointments;

    @Autowired
    Tenants tenants;

    @Autowired
    TenantStore tenantStore;

    @Autowired
    TenantRegistry registry;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    private final WireMockServer clinic = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private ClinicApiProvider provider;
    private BookingTenant tenant;

    @BeforeEach
    void start() {
        clinic.start();
        provider = provider(Duration.ofSeconds(10));
        tenant = tenant(clinic.baseUrl() + "/v1");
    }

    @AfterEach
    void stop() {
        clinic.stop();
    }

    @Test
    void listsServicesWithGenderPricesAndSendsTheBearerToken() {
        clinic.stubFor(get("/v1/services").willReturn(okJson(SERVICES)));

        List<BookableService> services = provider.services(tenant);

        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("svc_legs");
            assertThat(s.durationMinutes()).isEqualTo(60);
            assertThat(s.price().amount()).isEqualByComparingTo("120");
            assertThat(s.priceFor(Gender.MALE).amount()).isEqualByComparingTo("150");
        });
        assertThat(provider.service(tenant, "svc_old")).hasValueSatisfying(s -> assertThat(s.active()).isFalse());
        assertThat(provider.service(tenant, "svc_missing")).isEmpty();
        // the list is cached for a minute: one call for all of the above
        clinic.verify(1, getRequestedFor(urlEqualTo("/v1/services"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void availabilityAsksForTheDaysAndAnswersSlotsInTheTenantsZone() {
        clinic.stubFor(get(urlPathEqualTo("/v1/availability")).willReturn(okJson("""
                {"slots": [
                  {"start": "2030-12-02T10:00:00+02:00", "end": "2030-12-02T11:00:00+02:00", "staff_id": "st_1",
                   "staff_name": "Rana"},
                  {"start": "2030-12-02T08:30:00Z", "staff_id": "st_2", "staff_name": "Maya"},
                  {"start": "2001-01-01T10:00:00+02:00"},
                  {"start": "garbage"}
                ]}""")));

        List<Slot> slots = provider.availability(tenant, legs(), LocalDate.of(2030, 12, 2),
                LocalDate.of(2030, 12, 3), "st_1", Instant.now());

        assertThat(slots).extracting(Slot::start).containsExactly(
                ZonedDateTime.of(2030, 12, 2, 10, 0, 0, 0, BEIRUT), ZonedDateTime.of(2030, 12, 2, 10, 30, 0, 0,
                        BEIRUT));
        assertThat(slots.get(1).end()).isEqualTo(ZonedDateTime.of(2030, 12, 2, 11, 30, 0, 0, BEIRUT));
        assertThat(slots).extracting(Slot::resourceName).containsExactly("Rana", "Maya");
        clinic.verify(getRequestedFor(urlEqualTo("/v1/availability?service_id=svc_legs&from=2030-12-02"
                + "&to=2030-12-03&staff_id=st_1")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void createCarriesTheIdempotencyKeyAndIsMirroredOnce() {
        clinic.stubFor(post("/v1/appointments").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "apt_9f2", "service_id": "svc_legs", "start": "2030-12-02T10:00:00+02:00",
                         "end": "2030-12-02T11:00:00+02:00", "staff_id": "st_1", "staff_name": "Rana",
                         "status": "booked", "price": {"amount": "150.00", "currency": "USD"}}""")));
        String key = "wa-" + UUID.randomUUID();
        NewAppointment request = new NewAppointment("svc_legs", Instant.parse("2030-12-02T08:00:00Z"), null,
                "Rana Customer", "+9613123456", null, Gender.MALE, Channel.WHATSAPP, "ar", "first visit", key);

        Placed placed = provider.book(tenant, legs(), request, Instant.now());
        Placed again = provider.book(tenant, legs(), request, Instant.now());

        assertThat(placed.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.row().id()).isEqualTo(placed.row().id());
        AppointmentRow row = placed.row();
        assertThat(row.provider()).isEqualTo("api");
        assertThat(row.externalId()).isEqualTo("apt_9f2");
        assertThat(row.resourceRef()).isEqualTo("st_1");
        assertThat(row.resourceName()).isEqualTo("Rana");
        assertThat(row.priceAmount()).isEqualByComparingTo("150");
        assertThat(row.endAt()).isEqualTo(Instant.parse("2030-12-02T09:00:00Z"));
        assertThat(appointments.findByKey(tenant.id(), key)).isPresent();
        clinic.verify(2, postRequestedFor(urlEqualTo("/v1/appointments"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"service_id": "svc_legs", "start": "2030-12-02T10:00+02:00",
                         "customer": {"name": "Rana Customer", "phone": "+9613123456"}, "gender": "male",
                         "channel": "whatsapp", "notes": "first visit"}""")));
    }

    @Test
    void cancelAndRescheduleCallTheClinicWithItsAppointmentId() {
        clinic.stubFor(post("/v1/appointments").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "apt/1 x", "start": "2030-12-02T10:00:00+02:00", "status": "booked"}""")));
        clinic.stubFor(post("/v1/appointments/apt%2F1%20x/reschedule").willReturn(okJson("""
                {"id": "apt/1 x", "start": "2030-12-03T12:00:00+02:00", "end": "2030-12-03T13:00:00+02:00",
                 "staff_id": "st_2", "staff_name": "Maya", "status": "booked"}""")));
        clinic.stubFor(post("/v1/appointments/apt%2F1%20x/cancel").willReturn(okJson("""
                {"id": "apt/1 x", "status": "cancelled"}""")));
        AppointmentRow row = provider.book(tenant, legs(), new NewAppointment("svc_legs",
                Instant.parse("2030-12-02T08:00:00Z"), null, "C", null, null, null, Channel.STAFF, null, null,
                null), Instant.now()).row();
        assertThat(row.endAt()).isEqualTo(Instant.parse("2030-12-02T09:00:00Z"));
        assertThat(row.idempotencyKey()).startsWith("zorah-");

        AppointmentRow moved = provider.reschedule(tenant, row, Instant.parse("2030-12-03T10:00:00Z"), "st_2",
                Instant.now());
        provider.cancel(tenant, moved, "changed plans");

        assertThat(moved.startAt()).isEqualTo(Instant.parse("2030-12-03T10:00:00Z"));
        assertThat(moved.resourceName()).isEqualTo("Maya");
        assertThat(moved.status()).isEqualTo(AppointmentStatus.BOOKED);
        clinic.verify(postRequestedFor(urlEqualTo("/v1/appointments/apt%2F1%20x/reschedule"))
                .withRequestBody(equalToJson("{\"start\": \"2030-12-03T12:00+02:00\", \"staff_id\": \"st_2\"}")));
        clinic.verify(postRequestedFor(urlEqualTo("/v1/appointments/apt%2F1%20x/cancel"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"reason\": \"changed plans\"}")));
    }

    @Test
    void aTakenSlotOrClosedTimeAtTheClinicBecomeTheSameProblemsAsBuiltIn() {
        clinic.stubFor(post("/v1/appointments").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("closed").willReturn(aResponse().withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"slot_taken\", \"message\": \"Slot is no longer available\"}")));
        clinic.stubFor(post("/v1/appointments").inScenario("s").whenScenarioStateIs("closed")
                .willSetStateTo("other").willReturn(aResponse().withStatus(422)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"outside_hours\"}")));
        clinic.stubFor(post("/v1/appointments").inScenario("s").whenScenarioStateIs("other")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"customer_blocked\"}")));

        assertProblem(() -> book(), HttpStatus.CONFLICT, "slot-taken");
        assertProblem(() -> book(), HttpStatus.UNPROCESSABLE_CONTENT, "outside-working-hours");
        assertProblem(() -> book(), HttpStatus.CONFLICT, "booking-provider-refused");
    }

    @Test
    void authFailuresServerErrorsAndBadBodiesAre502WithoutTheToken() {
        clinic.stubFor(get("/v1/services").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\": \"invalid token " + TOKEN + "\"}")));
        ProblemException auth = assertProblem(() -> provider.services(tenant), HttpStatus.BAD_GATEWAY,
                "booking-provider-auth-failed");
        assertThat(auth.detail()).doesNotContain(TOKEN);

        clinic.stubFor(get(urlPathEqualTo("/v1/availability")).willReturn(aResponse().withStatus(503)
                .withBody("upstream " + TOKEN)));
        ProblemException down = assertProblem(() -> provider.availability(tenant, legs(), LocalDate.now(),
                LocalDate.now(), null, Instant.now()), HttpStatus.BAD_GATEWAY, "booking-provider-unavailable");
        assertThat(down.detail()).contains("503").doesNotContain(TOKEN).doesNotContain("upstream");
        // reads are tried twice
        clinic.verify(2, getRequestedFor(urlPathEqualTo("/v1/availability")));

        clinic.stubFor(post("/v1/appointments").willReturn(okJson("<html>not json</html>")));
        assertProblem(this::book, HttpStatus.BAD_GATEWAY, "booking-provider-unavailable");
        clinic.stubFor(post("/v1/appointments").willReturn(okJson("{\"status\": \"booked\"}")));
        assertProblem(this::book, HttpStatus.BAD_GATEWAY, "booking-provider-unavailable");
    }

    @Test
    void aFailureThenSuccessIsRetriedForCreatesOnlyAndCancelIsNot() {
        clinic.stubFor(post("/v1/appointments").inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(502)));
        clinic.stubFor(post("/v1/appointments").inScenario("retry").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"apt_r\", \"start\": \"2030-12-02T10:00:00+02:00\"}")));
        AppointmentRow row = book().row();
        assertThat(row.externalId()).isEqualTo("apt_r");
        clinic.verify(2, postRequestedFor(urlEqualTo("/v1/appointments")));

        clinic.stubFor(post("/v1/appointments/apt_r/cancel").willReturn(aResponse().withStatus(500)));
        assertProblem(() -> provider.cancel(tenant, row, null), HttpStatus.BAD_GATEWAY,
                "booking-provider-unavailable");
        clinic.verify(1, postRequestedFor(urlEqualTo("/v1/appointments/apt_r/cancel")));
        clinic.stubFor(post("/v1/appointments/apt_r/cancel").willReturn(aResponse().withStatus(404)));
        assertProblem(() -> provider.cancel(tenant, row, null), HttpStatus.BAD_GATEWAY,
                "booking-provider-unavailable");
    }

    @Test
    void timeoutsAndDroppedConnectionsAre502() {
        ClinicApiProvider impatient = provider(Duration.ofMillis(300));
        clinic.stubFor(get("/v1/services").willReturn(okJson(SERVICES).withFixedDelay(3_000)));
        assertProblem(() -> impatient.services(tenant), HttpStatus.BAD_GATEWAY, "booking-provider-unavailable");

        clinic.stubFor(post("/v1/appointments").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertProblem(this::book, HttpStatus.BAD_GATEWAY, "booking-provider-unavailable");
    }

    @Test
    void aClinicThatKeepsFailingIsLeftAloneForAWhile() {
        clinic.stubFor(get("/v1/services").willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5; i++) {
            assertProblem(() -> provider.services(tenant), HttpStatus.BAD_GATEWAY, "booking-provider-unavailable");
        }
        int calls = clinic.countRequestsMatching(getRequestedFor(urlEqualTo("/v1/services")).build()).getCount();

        ProblemException open = assertProblem(() -> provider.services(tenant), HttpStatus.BAD_GATEWAY,
                "booking-provider-unavailable");

        assertThat(open.detail()).contains("paused");
        assertThat(clinic.countRequestsMatching(getRequestedFor(urlEqualTo("/v1/services")).build()).getCount())
                .isEqualTo(calls);
    }

    @Test
    void aWaitlistedServiceFitsAFreedSlotOfTheSameServiceOnly() {
        AppointmentRow freed = new AppointmentRow(UUID.randomUUID(), tenant.id(), "api", "apt_1", null, "svc_legs",
                "Legs", null, "st_1", "Rana", Instant.parse("2030-12-02T08:00:00Z"),
                Instant.parse("2030-12-02T09:00:00Z"), AppointmentStatus.CANCELLED, null, null, null, null,
                Channel.STAFF, null, null, null, null, null, null, null, Instant.now(), Instant.now());

        assertThat(provider.fitInto(tenant, freed, "svc_legs", freed.startAt(), freed.endAt()))
                .hasValueSatisfying(s -> assertThat(s.resourceName()).isEqualTo("Rana"));
        assertThat(provider.fitInto(tenant, freed, "svc_face", freed.startAt(), freed.endAt())).isEmpty();
        assertThat(provider.fitInto(tenant, freed, "svc_legs", freed.startAt().plusSeconds(60), freed.endAt()))
                .isEmpty();
    }

    @Test
    void aTenantWithTheClinicsApiBooksThroughItEndToEnd() {
        TenantId id = TenantId.of("api-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new NewTenant(id, "Clinic with API", Set.of(Tenant.Feature.BOOKING)));
        tenantStore.lockSettings(id);
        tenantStore.saveSettings(id, Map.of("timezone", "Asia/Beirut", "booking", Map.of("api_base_url",
                clinic.baseUrl() + "/v1", "api_token", TOKEN)));
        registry.invalidate();
        String owner = tokens.bearer(id.value(), Role.OWNER);
        LocalDate day = LocalDate.now(BEIRUT).plusDays(30);
        clinic.stubFor(get("/v1/services").willReturn(okJson(SERVICES)));
        clinic.stubFor(get(urlPathEqualTo("/v1/availability")).willReturn(okJson("""
                {"slots": [{"start": "%1$sT10:00:00+02:00", "end": "%1$sT11:00:00+02:00"}]}""".formatted(day))));
        clinic.stubFor(post("/v1/appointments").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "apt_e2e", "start": "%1$sT10:00:00+02:00", "end": "%1$sT11:00:00+02:00",
                         "status": "booked"}""".formatted(day))));
        clinic.stubFor(post("/v1/appointments/apt_e2e/cancel").willReturn(okJson("{\"id\": \"apt_e2e\"}")));

        assertThat(mvc.get().uri("/api/v1/booking/services").header("Authorization", owner)).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].id").isEqualTo("svc_legs");
        assertThat(mvc.get().uri("/api/v1/booking/services/svc_legs").header("Authorization", owner))
                .hasStatusOk().bodyJson().extractingPath("$.prices_by_gender.female.amount").isEqualTo(110.0);
        assertThat(mvc.get().uri("/api/v1/booking/availability?service_id=svc_legs&from=" + day)
                .header("Authorization", owner)).hasStatusOk().bodyJson().extractingPath("$.slots[0].start")
                .isEqualTo(day + "T10:00:00+02:00");
        MvcTestResult booked = mvc.post().uri("/api/v1/appointments").header("Authorization", owner)
                .header("Idempotency-Key", "e2e-1").contentType(MediaType.APPLICATION_JSON).content("""
                        {"service_id": "svc_legs", "start": "%sT10:00", "customer_name": "Hala",
                         "customer_phone": "+9613999888"}""".formatted(day)).exchange();
        assertThat(booked).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.external_id")
                .isEqualTo("apt_e2e");
        assertThat(booked).bodyJson().extractingPath("$.provider").isEqualTo("api");
        String appointment = com.jayway.jsonpath.JsonPath.read(body(booked), "$.id");
        assertThat(mvc.patch().uri("/api/v1/appointments/" + appointment).header("Authorization", owner)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"cancelled\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("cancelled");
        clinic.verify(postRequestedFor(urlEqualTo("/v1/appointments")).withHeader("Idempotency-Key",
                equalTo("e2e-1")));
        clinic.verify(postRequestedFor(urlEqualTo("/v1/appointments/apt_e2e/cancel")));

        assertThat(mvc.post().uri("/api/v1/booking/services").header("Authorization", owner)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}")).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/calendar-managed-externally");
        assertThat(mvc.get().uri("/api/v1/booking/resources").header("Authorization", owner))
                .hasStatus(HttpStatus.CONFLICT);
        clinic.stubFor(get("/v1/services").willReturn(aResponse().withStatus(401)));
        assertThat(mvc.get().uri("/api/v1/booking/services/svc_nope").header("Authorization", owner))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Placed book() {
        return provider.book(tenant, legs(), new NewAppointment("svc_legs", Instant.parse("2030-12-02T08:00:00Z"),
                null, "C", null, null, null, Channel.STAFF, null, null, "k-" + UUID.randomUUID()), Instant.now());
    }

    private ClinicApiProvider provider(Duration readTimeout) {
        ClinicApiProperties properties = new ClinicApiProperties(Duration.ofSeconds(2), readTimeout, 2,
                Duration.ofMillis(10), Duration.ofMinutes(1));
        return new ClinicApiProvider(new ClinicApiClient(properties), appointments, properties,
                CircuitBreakerRegistry.ofDefaults(), Clock.systemUTC());
    }

    private static BookingTenant tenant(String url) {
        return new BookingTenant(TenantId.of("api-" + UUID.randomUUID().toString().substring(0, 8)), BEIRUT,
                Locale.ENGLISH, Currency.getInstance("USD"), "api", url, TOKEN);
    }

    private static BookableService legs() {
        return new BookableService("svc_legs", "Laser – full legs", null, 60,
                com.zorahai.platform.Money.of("120.00", "USD"), null, true);
    }

    private static ProblemException assertProblem(Runnable call, HttpStatus status, String type) {
        try {
            call.run();
        } catch (ProblemException ex) {
            assertThat(ex.status()).isEqualTo(status);
            assertThat(ex.type()).isEqualTo(type);
            return ex;
        }
        throw new AssertionError("expected a " + type + " problem");
    }

}
