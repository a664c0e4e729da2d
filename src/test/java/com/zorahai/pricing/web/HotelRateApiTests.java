package com.zorahai.pricing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class HotelRateApiTests {

    static final String RATE = """
            {"hotel_name": "Table Bay View", "hotel_code": "CPT-TBV", "destination": "Cape Town",
             "room_type": "Deluxe Room", "board_basis": "bb", "stars": 4, "valid_from": "2026-11-01",
             "valid_to": "2026-11-30", "rate": 2400.50, "rate_basis": "per_room", "max_occupancy": 3,
             "child_free_under": 2, "child_rate": "350", "currency": "zar", "supplier": "Cape Direct"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    static String tenant() {
        return "rates-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private MvcTestResult create(String tenant, Role role, String json) {
        return mvc.post().uri("/api/v1/pricing/hotel-rates").header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void createsListsReadsAndDeletesARate() throws Exception {
        String tenant = tenant();
        MvcTestResult created = create(tenant, Role.CONSULTANT, RATE);
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.hotel_name").isEqualTo("Table Bay View");
            assertThat(json).extractingPath("$.destination").isEqualTo("Cape Town");
            assertThat(json).extractingPath("$.destination_key").isEqualTo("cape town");
            assertThat(json).extractingPath("$.board_basis").isEqualTo("BB");
            assertThat(json).extractingPath("$.rate").asNumber().satisfies(n -> assertThat(n.toString())
                    .isEqualTo("2400.5"));
            assertThat(json).extractingPath("$.rate_basis").isEqualTo("per_room");
            assertThat(json).extractingPath("$.currency").isEqualTo("ZAR");
            assertThat(json).extractingPath("$.valid_to").isEqualTo("2026-11-30");
        });
        String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates?destination=cape-town&size=10")
                .header("Authorization", tokens.bearer(tenant, Role.AGENT))).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(1);
                    assertThat(json).extractingPath("$.items[0].id").isEqualTo(id);
                    assertThat(json).extractingPath("$.size").isEqualTo(10);
                });
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates?destination=Bali")
                .header("Authorization", tokens.bearer(tenant, Role.AGENT))).hasStatusOk().bodyJson()
                .extractingPath("$.total").isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates/" + id)
                .header("Authorization", tokens.bearer(tenant, Role.AGENT))).hasStatusOk();
        assertThat(mvc.delete().uri("/api/v1/pricing/hotel-rates/" + id)
                .header("Authorization", tokens.bearer(tenant, Role.ADMIN))).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates/" + id)
                .header("Authorization", tokens.bearer(tenant, Role.AGENT))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/pricing/hotel-rates/" + id)
                .header("Authorization", tokens.bearer(tenant, Role.ADMIN))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherTenantGetsNotFound() throws Exception {
        String owner = tenant();
        String other = tenant();
        MvcTestResult created = create(owner, Role.OWNER, RATE);
        String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates/" + id)
                .header("Authorization", tokens.bearer(other, Role.OWNER))).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/hotel-rate-not-found");
        assertThat(mvc.delete().uri("/api/v1/pricing/hotel-rates/" + id)
                .header("Authorization", tokens.bearer(other, Role.OWNER))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates")
                .header("Authorization", tokens.bearer(other, Role.OWNER))).hasStatusOk().bodyJson()
                .extractingPath("$.total").isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates/" + id)
                .header("Authorization", tokens.bearer(owner, Role.AGENT))).hasStatusOk();
    }

    @Test
    void agentsReadButDoNotWrite() {
        String tenant = tenant();
        assertThat(create(tenant, Role.AGENT, RATE)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates").header("Authorization", tokens.bearer(tenant,
                Role.AGENT))).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void invalidFieldsAreNamed() {
        assertThat(create(tenant(), Role.ADMIN, """
                {"hotel_name": "", "destination": "Cape Town", "room_type": "Deluxe", "board_basis": "XX",
                 "valid_from": "2026-11-31", "valid_to": "2026-11-01", "rate": "abc", "rate_basis": "per_bed",
                 "currency": "ABC", "stars": 9, "nonsense": 1}""")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("nonsense");
        assertThat(create(tenant(), Role.ADMIN, """
                {"hotel_name": "", "destination": "Cape Town", "room_type": "Deluxe", "board_basis": "XX",
                 "valid_from": "2026-11-31", "valid_to": "2026-11-01", "rate": "abc", "rate_basis": "per_bed",
                 "currency": "ABC", "stars": 9, "child_percent": 120, "supplier": {"a": 1}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("supplier");
        assertThat(create(tenant(), Role.ADMIN, """
                {"hotel_name": "", "destination": "Cape Town", "room_type": "Deluxe", "board_basis": "XX",
                 "valid_from": "2026-11-31", "valid_to": "2026-11-01", "rate": "abc", "rate_basis": "per_bed",
                 "currency": "ABC", "stars": 9, "child_percent": 120}""")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo(
                            "https://zorahai.com/problems/validation-failed");
                    assertThat(json).extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder(
                            "hotel_name", "board_basis", "stars", "valid_from", "rate", "rate_basis",
                            "child_percent", "currency");
                });
        assertThat(create(tenant(), Role.ADMIN, """
                {"hotel_name": "H", "destination": "Cape Town", "room_type": "Deluxe", "board_basis": "BB",
                 "valid_from": "2026-11-30", "valid_to": "2026-11-01", "rate": 10.12345, "rate_basis": "per_room",
                 "currency": "USD"}""")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("valid_to", "rate");
    }

    @Test
    void theSameProductAndSeasonTwiceIsAConflict() {
        String tenant = tenant();
        assertThat(create(tenant, Role.ADMIN, RATE)).hasStatus(HttpStatus.CREATED);
        assertThat(create(tenant, Role.ADMIN, RATE)).hasStatus(HttpStatus.CONFLICT).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/hotel-rate-exists");
    }

    @Test
    void pagingIsValidated() {
        String tenant = tenant();
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates?size=500").header("Authorization",
                tokens.bearer(tenant, Role.AGENT))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates?page=-1").header("Authorization",
                tokens.bearer(tenant, Role.AGENT))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/pricing/hotel-rates/not-a-uuid").header("Authorization",
                tokens.bearer(tenant, Role.AGENT))).hasStatus(HttpStatus.BAD_REQUEST);
    }
}
