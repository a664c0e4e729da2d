package com.zorahai.pricing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class PricingApiTests {

    private static final String RATES = """
            hotel_name,hotel_code,destination,room_type,board_basis,stars,valid_from,valid_to,rate,rate_basis,\
            max_adults,max_children,child_free_under,child_max_age,child_rate,child_percent,currency,supplier
            Lagoon Resort,MRU-LR,Mauritius,Junior Suite,HB,5,2026-11-01,2026-11-30,260,per_person,3,2,3,12,,50,USD,DMC
            Lagoon Resort,MRU-LR,Mauritius,Junior Suite,HB,5,2026-12-01,2027-01-31,340,per_person,3,2,3,12,,50,USD,DMC
            Beach Inn,,Mauritius,Standard,BB,3,2026-11-01,2027-01-31,180,per_room,2,2,,,25,,USD,DMC
            Short Season,,Mauritius,Room,BB,3,2026-11-01,2026-11-30,50,per_room,,,,,,,USD,DMC
            Rand Lodge,,Mauritius,Room,RO,2,2026-11-01,2027-01-31,1500,per_room,,,,,,,ZAR,DMC
            """;

    private static final String FLIGHTS = """
            origin,destination,depart_from,depart_to,return_from,return_to,cabin,fare_adult,fare_child,fare_infant,\
            currency,airline,supplier
            JNB,MRU,2026-11-01,2026-12-31,2026-11-01,2027-01-31,economy,640.50,510,70,USD,Island Air,Desk
            JNB,MRU,2026-11-01,2026-12-31,2026-11-01,2027-01-31,business,2100,1700,,USD,Island Air,Desk
            JNB,MRU,2026-11-01,2026-12-31,,,economy,390,300,40,USD,Island Air,Desk
            """;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    private String tenant;

    @BeforeEach
    void rates() {
        tenant = "stays-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import").header("Authorization", auth())
                .contentType("text/csv").content(RATES)).hasStatusOk().bodyJson().extractingPath("$.imported")
                .isEqualTo(5);
        assertThat(mvc.post().uri("/api/v1/pricing/flight-prices:import").header("Authorization", auth())
                .contentType("text/csv").content(FLIGHTS)).hasStatusOk().bodyJson().extractingPath("$.imported")
                .isEqualTo(3);
    }

    private String auth() {
        return tokens.bearer(tenant, Role.CONSULTANT);
    }

    private MvcTestResult stays(String query) {
        return mvc.get().uri("/api/v1/pricing/stays?" + query).header("Authorization", auth()).exchange();
    }

    @Test
    void pricesAStayAcrossSeasonsNightByNightCheapestFirst() {
        assertThat(stays("destination=mauritius&check_in=2026-11-29&check_out=2026-12-02&adults=2&children=2,8"))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.source").isEqualTo("database");
                    assertThat(json).extractingPath("$.nights").isEqualTo(3);
                    assertThat(json).extractingPath("$.children").asArray().containsExactly(2, 8);
                    // Short Season misses December nights; Rand Lodge is in another currency, so last
                    assertThat(json).extractingPath("$.options[*].hotel_name").asArray().containsExactly(
                            "Beach Inn", "Lagoon Resort", "Rand Lodge");
                    // per room 180 + child supplement 25 x 2 children = 230 a night
                    assertThat(json).extractingPath("$.options[0].total.amount").asNumber()
                            .satisfies(n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("690.00"));
                    assertThat(json).extractingPath("$.options[0].total.currency").isEqualTo("USD");
                    // per person: 2 adults + the 8-year-old at 50 %; the 2-year-old free; nights split 2 + 1
                    assertThat(json).extractingPath("$.options[1].nights[*].amount.amount").asArray()
                            .extracting(Object::toString).containsExactly("650.0", "650.0", "850.0");
                    assertThat(json).extractingPath("$.options[1].nights[2].date").isEqualTo("2026-12-01");
                    assertThat(json).extractingPath("$.options[1].total.amount").asNumber()
                            .satisfies(n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("2150.00"));
                    assertThat(json).extractingPath("$.options[1].board_basis").isEqualTo("HB");
                    assertThat(json).extractingPath("$.options[1].board_description").isEqualTo("Half board");
                    assertThat(json).extractingPath("$.options[1].nights[0].rate_basis").isEqualTo("per_person");
                    assertThat(json).extractingPath("$.options[2].total.amount").asNumber()
                            .satisfies(n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("4500.00"));
                });
    }

    @Test
    void amountsKeepTheCurrencyScaleInJson() {
        assertThat(stays("destination=mauritius&check_in=2026-11-29&check_out=2026-12-02&adults=2&children=2,8"))
                .hasStatusOk().bodyText().contains("\"total\":{\"amount\":690.00,\"currency\":\"USD\"}");
    }

    @Test
    void filtersByBoardStarsRoomTypeAndCurrency() {
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-12&adults=2&board=hb"))
                .hasStatusOk().bodyJson().extractingPath("$.options[*].hotel_name").asArray()
                .containsExactly("Lagoon Resort");
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-12&adults=2&stars=4"))
                .hasStatusOk().bodyJson().extractingPath("$.options[*].hotel_name").asArray()
                .containsExactly("Lagoon Resort");
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-12&adults=1&currency=zar"))
                .hasStatusOk().bodyJson().extractingPath("$.options[*].hotel_name").asArray()
                .containsExactly("Rand Lodge");
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-12&adults=1"
                + "&room_type=suite")).hasStatusOk().bodyJson().extractingPath("$.options[*].hotel_name")
                .asArray().containsExactly("Lagoon Resort");
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-12&adults=1&limit=1"))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.total_options").isEqualTo(4);
                    assertThat(json).extractingPath("$.options[*].hotel_name").asArray()
                            .containsExactly("Short Season");
                });
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-12&adults=1&limit=101"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("limit");
        assertThat(stays("destination=Atlantis&check_in=2026-11-10&check_out=2026-11-12&adults=1")).hasStatusOk()
                .bodyJson().extractingPath("$.options").asArray().isEmpty();
    }

    @Test
    void badStayRequestsNameTheField() {
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-10&adults=2"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("check_out");
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2027-01-10&adults=2"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("check_out");
        assertThat(stays("destination=Mauritius&check_in=2026-13-10&check_out=2026-11-12&adults=2"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("check_in");
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-12&adults=0&children=18"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("adults", "children");
        assertThat(stays("destination=Mauritius&check_in=2026-11-10&check_out=2026-11-12&adults=2&children=5,x"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("children");
        assertThat(stays("check_in=2026-11-10&check_out=2026-11-12&adults=2&board=XL&currency=EURO"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("board");
        assertThat(stays("destination=x&check_in=2026-11-10&check_out=2026-11-12&adults=2&currency=EURO"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("currency");
        assertThat(stays("adults=2")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("destination", "check_in",
                        "check_out");
    }

    @Test
    void anotherTenantSeesNoneOfTheseRates() {
        assertThat(mvc.get().uri("/api/v1/pricing/stays?destination=Mauritius&check_in=2026-11-10"
                + "&check_out=2026-11-12&adults=2").header("Authorization", tokens.bearer(
                        "other-"
                                + UUID.randomUUID().toString().substring(0, 8),
                        Role.OWNER)))
                .hasStatusOk().bodyJson()
                .extractingPath("$.options").asArray().isEmpty();
    }

    @Test
    void pricesReturnAndOneWayFlightsForTheParty() {
        assertThat(mvc.get().uri("/api/v1/pricing/flights?origin=jnb&destination=MRU&depart=2026-11-29"
                + "&return=2026-12-06&adults=2&children=1,7,13").header("Authorization", auth()))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.source").isEqualTo("database");
                    assertThat(json).extractingPath("$.return_date").isEqualTo("2026-12-06");
                    assertThat(json).extractingPath("$.options[*].cabin").asArray().containsExactly("economy",
                            "business");
                    assertThat(json).extractingPath("$.options[0].adults").isEqualTo(3);
                    assertThat(json).extractingPath("$.options[0].children").isEqualTo(1);
                    assertThat(json).extractingPath("$.options[0].infants").isEqualTo(1);
                    // 3 x 640.50 + 510 + 70
                    assertThat(json).extractingPath("$.options[0].total.amount").asNumber()
                            .satisfies(n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("2501.50"));
                    // no infant fare: the child fare applies
                    assertThat(json).extractingPath("$.options[1].fare_infant.amount").asNumber()
                            .satisfies(n -> assertThat(n.intValue()).isEqualTo(1700));
                });
        assertThat(mvc.get().uri("/api/v1/pricing/flights?origin=JNB&destination=MRU&depart=2026-12-01&adults=1"
                + "&cabin=economy").header("Authorization", auth())).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.options").asArray().hasSize(1);
                    assertThat(json).extractingPath("$.options[0].total.amount").asNumber()
                            .satisfies(n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("390.00"));
                });
        assertThat(mvc.get().uri("/api/v1/pricing/flights?origin=JNB&destination=MRU&depart=2027-03-01&adults=1")
                .header("Authorization", auth())).hasStatusOk().bodyJson().extractingPath("$.options").asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/pricing/flights?origin=JNB&destination=MRU&depart=2026-12-01"
                + "&return=2026-11-01&adults=1&cabin=jet").header("Authorization", auth()))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("cabin");
        assertThat(mvc.get().uri("/api/v1/pricing/flights?origin=JNB&destination=MRU&depart=2026-12-01"
                + "&return=2026-11-01&adults=1").header("Authorization", auth()))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("return");
    }
}
