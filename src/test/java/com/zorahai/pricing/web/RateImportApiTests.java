package com.zorahai.pricing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class RateImportApiTests {

    static final String HEADER = "hotel_name,destination,room_type,board_basis,valid_from,valid_to,rate,"
            + "rate_basis,currency,child_free_under,child_percent\n";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    static String tenant() {
        return "import-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private MvcTestResult importCsv(String tenant, String csv, String query) {
        return mvc.post().uri("/api/v1/pricing/hotel-rates:import" + query)
                .header("Authorization", tokens.bearer(tenant, Role.CONSULTANT)).contentType("text/csv")
                .content(csv).exchange();
    }

    private long count(String tenant) {
        return jdbc.sql("select count(*) from hotel_rates where tenant_id = ?").params(tenant).query(Long.class)
                .single();
    }

    @Test
    void importsValidRowsAndReportsEachBadField() {
        String tenant = tenant();
        String csv = HEADER
                + "Bay Hotel,Cape Town,Deluxe,BB,2026-11-01,2026-11-30,2400,per_room,ZAR,,\n"
                + "Bay Hotel,Cape Town,Deluxe,BB,2026-12-01,2027-01-31,3600.5,per_room,ZAR,2,50\n"
                + "Bad Date,Cape Town,Deluxe,BB,2026-02-30,2026-03-01,100,per_room,ZAR,,\n"
                + "Bad Number,Cape Town,Deluxe,BB,2026-02-01,2026-03-01,12O0,per_room,ZAR,,\n"
                + "Bad Currency,Cape Town,Deluxe,BB,2026-02-01,2026-03-01,100,per_room,XYZ,,\n"
                + "\"Quoted, Hotel\",Cape Town,\"Suite \"\"A\"\"\",HB,2026-02-01,2026-03-01,100,per_person,usd,,\n"
                + "Many Errors,,Deluxe,ZZ,2026-02-01,2026-01-01,-5,per_bed,ZAR,30,150\n"
                + "Short,Row\n";

        assertThat(importCsv(tenant, csv, "")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.imported").isEqualTo(3);
            assertThat(json).extractingPath("$.valid").isEqualTo(3);
            assertThat(json).extractingPath("$.rejected").isEqualTo(5);
            assertThat(json).extractingPath("$.dry_run").isEqualTo(false);
            assertThat(json).extractingPath("$.errors[0]").isEqualTo(java.util.Map.of("row", 4, "field",
                    "valid_from", "reason", "must be a date as YYYY-MM-DD"));
            assertThat(json).extractingPath("$.errors[1].row").isEqualTo(5);
            assertThat(json).extractingPath("$.errors[1].field").isEqualTo("rate");
            assertThat(json).extractingPath("$.errors[2].field").isEqualTo("currency");
            assertThat(json).extractingPath("$.errors[?(@.row == 8)].field").asArray().containsExactlyInAnyOrder(
                    "destination", "board_basis", "valid_to", "rate", "rate_basis", "child_free_under",
                    "child_percent");
            assertThat(json).extractingPath("$.errors[?(@.row == 9)].field").asArray().containsExactly("row");
        });
        assertThat(count(tenant)).isEqualTo(3);
        assertThat(jdbc.sql("select room_type from hotel_rates where tenant_id = ? and hotel_name = ?")
                .params(tenant, "Quoted, Hotel").query(String.class).single()).isEqualTo("Suite \"A\"");
    }

    @Test
    void aDryRunValidatesAndWritesNothing() {
        String tenant = tenant();
        String csv = HEADER + "Bay Hotel,Cape Town,Deluxe,BB,2026-11-01,2026-11-30,2400,per_room,ZAR,,\n"
                + "Bay Hotel,Cape Town,Deluxe,BB,2026-11-01,2026-11-30,abc,per_room,ZAR,,\n";

        assertThat(importCsv(tenant, csv, "?dry_run=true")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.imported").isEqualTo(0);
            assertThat(json).extractingPath("$.valid").isEqualTo(1);
            assertThat(json).extractingPath("$.rejected").isEqualTo(1);
            assertThat(json).extractingPath("$.dry_run").isEqualTo(true);
        });
        assertThat(count(tenant)).isZero();
    }

    @Test
    void reimportingUpdatesTheSameSeasonInsteadOfDuplicatingIt() {
        String tenant = tenant();
        importCsv(tenant, HEADER + "Bay Hotel,Cape Town,Deluxe,BB,2026-11-01,2026-11-30,2400,per_room,ZAR,,\n", "");
        assertThat(importCsv(tenant, HEADER
                + "Bay Hotel,Cape Town,Deluxe,BB,2026-11-01,2026-11-30,2500,per_room,ZAR,,\n", ""))
                .hasStatusOk().bodyJson().extractingPath("$.imported").isEqualTo(1);
        assertThat(count(tenant)).isEqualTo(1);
        assertThat(jdbc.sql("select rate from hotel_rates where tenant_id = ?").params(tenant)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("2500");
    }

    @Test
    void aMissingOrUnknownColumnRejectsTheWholeFile() {
        String tenant = tenant();
        assertThat(importCsv(tenant, "hotel_name,destination,room_type,board_basis,valid_from,rate,currency,colour\n"
                + "Bay,Cape Town,Deluxe,BB,2026-11-01,100,ZAR,red\n", "")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://zorahai.com/problems/invalid-csv");
                    assertThat(json).extractingPath("$.errors[*].field").asArray().containsExactly("colour",
                            "valid_to", "rate_basis");
                });
        assertThat(importCsv(tenant, "", "")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/invalid-csv");
        assertThat(importCsv(tenant, HEADER.replace("rate_basis", "rate"), "")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[*].reason").asArray().contains("appears twice");
        assertThat(count(tenant)).isZero();
    }

    @Test
    void acceptsAMultipartFileAndRejectsNonUtf8AndOversizedFiles() {
        String tenant = tenant();
        MockMultipartFile file = new MockMultipartFile("file", "rates.csv", "text/csv", (HEADER
                + "Bay Hotel,Cape Town,Deluxe,BB,2026-11-01,2026-11-30,2400,per_room,ZAR,,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import").multipart().file(file)
                .header("Authorization", tokens.bearer(tenant, Role.ADMIN))).hasStatusOk().bodyJson()
                .extractingPath("$.imported").isEqualTo(1);

        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import").header("Authorization",
                tokens.bearer(tenant, Role.ADMIN)).contentType("text/csv").content(
                        new byte[]{(byte) 0xC3,
                                (byte) 0x28}))
                .hasStatus(HttpStatus.BAD_REQUEST);
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import").header("Authorization",
                tokens.bearer(tenant, Role.ADMIN)).contentType("text/csv").content(big))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/import-too-large");
        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import").header("Authorization",
                tokens.bearer(tenant, Role.ADMIN)).contentType("application/json").content("{}"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import").header("Authorization",
                tokens.bearer(tenant, Role.AGENT)).contentType("text/csv").content(HEADER))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void importsFlightPricesAndManagesThem() throws Exception {
        String tenant = tenant();
        String csv = "origin,destination,depart_from,depart_to,return_from,return_to,cabin,fare_adult,fare_child,"
                + "fare_infant,currency,airline,supplier\n"
                + "jnb,cpt,2026-01-01,2026-11-30,,,economy,1450,1250,150,ZAR,FlySA,Air Desk\n"
                + "JNB,DXB,2026-01-01,2026-11-30,2026-01-01,,economy,780,620,,USD,,\n"
                + "JNB,JNB,2026-01-01,2026-11-30,,,cargo,x,620,,USD,,\n";
        assertThat(mvc.post().uri("/api/v1/pricing/flight-prices:import").header("Authorization",
                tokens.bearer(tenant, Role.OWNER)).contentType("text/csv").content(csv)).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.imported").isEqualTo(1);
                    assertThat(json).extractingPath("$.errors[?(@.row == 3)].field").asArray()
                            .containsExactly("return_to");
                    assertThat(json).extractingPath("$.errors[?(@.row == 4)].field").asArray()
                            .containsExactly("destination", "cabin", "fare_adult");
                });
        MvcTestResult list = mvc.get().uri("/api/v1/pricing/flight-prices?destination=cpt").header(
                "Authorization", tokens.bearer(tenant, Role.AGENT)).exchange();
        assertThat(list).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.total").isEqualTo(1);
            assertThat(json).extractingPath("$.items[0].origin").isEqualTo("JNB");
            assertThat(json).extractingPath("$.items[0].cabin").isEqualTo("economy");
        });
        String id = com.jayway.jsonpath.JsonPath.read(list.getResponse().getContentAsString(), "$.items[0].id");
        assertThat(mvc.get().uri("/api/v1/pricing/flight-prices/" + id).header("Authorization",
                tokens.bearer(tenant(), Role.OWNER))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/v1/pricing/flight-prices").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)).contentType("application/json").content("""
                        {"origin": "CPT", "destination": "ZNZ", "depart_from": "2026-01-01",
                         "depart_to": "2026-06-30", "return_from": "2026-01-05", "return_to": "2026-07-31",
                         "cabin": "business", "fare_adult": 1900, "fare_child": 1500, "currency": "USD"}"""))
                .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.fare_adult").asNumber()
                .satisfies(n -> assertThat(n.intValue()).isEqualTo(1900));
        assertThat(mvc.post().uri("/api/v1/pricing/flight-prices").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)).contentType("application/json").content("{\"origin\": \"C\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.delete().uri("/api/v1/pricing/flight-prices/" + id).header("Authorization",
                tokens.bearer(tenant, Role.CONSULTANT))).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/v1/pricing/flight-prices/" + id).header("Authorization",
                tokens.bearer(tenant, Role.CONSULTANT))).hasStatus(HttpStatus.NOT_FOUND);
    }
}
