package com.zorahai.quoting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.identity.Role;
import com.zorahai.quoting.QuotingTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class QuotePriceTests extends QuotingTestSupport {

    private static final String RATES = """
            hotel_name,hotel_code,destination,room_type,board_basis,stars,valid_from,valid_to,rate,rate_basis,\
            max_adults,max_children,child_free_under,child_max_age,child_rate,child_percent,currency,supplier
            Lagoon Resort,MRU-LR,Mauritius,Junior Suite,HB,5,2026-11-01,2027-06-30,260,per_person,3,2,3,12,,50,USD,DMC
            Beach Inn,,Mauritius,Standard,BB,3,2026-11-01,2027-06-30,180,per_room,2,2,,,25,,USD,DMC
            Rand Lodge,,Mauritius,Room,RO,2,2026-11-01,2027-06-30,1500,per_room,,,,,,,ZAR,DMC
            Franc Hotel,,Mauritius,Room,RO,2,2026-11-01,2027-06-30,100,per_room,,,,,,,CHF,DMC
            """;

    private static final String PRICE = QUOTES + ":price";

    @BeforeEach
    void rates() {
        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import").header("Authorization", auth(Role.ADMIN))
                .contentType("text/csv").content(RATES)).hasStatusOk();
    }

    @Test
    void pricesAlternativesCheapestFirstInTheQuoteCurrency() {
        assertThat(post(PRICE, """
                {"destination": "mauritius", "check_in": "2027-03-01", "check_out": "2027-03-04", "adults": 2,
                 "children_ages": [8], "currency": "ZAR"}""")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.currency").isEqualTo("ZAR");
            // CHF has no configured rate: that hotel cannot be quoted in ZAR
            assertThat(json).extractingPath("$.alternatives[*].hotel_name").asArray().containsExactly(
                    "Rand Lodge", "Beach Inn", "Lagoon Resort");
            // 3 nights x 1500 ZAR x 1.20 default markup
            assertThat(json).extractingPath("$.alternatives[0].total.amount").isEqualTo(5400.0);
            assertThat(json).extractingPath("$.alternatives[0].line.type").isEqualTo("hotel");
            assertThat(json).extractingPath("$.alternatives[0].line.description").isEqualTo(
                    "Rand Lodge (2 stars), Room, Room only, 3 nights 2027-03-01 to 2027-03-04");
            // Beach Inn: (180 + 25 for the child) x 3 = 615 USD, x 1.2 markup, x 18.20 x 1.03 to ZAR
            assertThat(json).extractingPath("$.alternatives[1].cost.amount").isEqualTo(615.0);
            assertThat(json).extractingPath("$.alternatives[1].cost.currency").isEqualTo("USD");
            assertThat(json).extractingPath("$.alternatives[1].total.amount").isEqualTo(13834.55);
            assertThat(json).extractingPath("$.alternatives[1].within_budget").isEqualTo(true);
            assertThat(json).extractingPath("$.quote").isNull();
        });
        assertThat(jdbc.sql("select count(*) from quotes where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isZero();
    }

    @Test
    void createsTheDraftFromTheCheapestAlternativeWithinBudgetOrTheChosenOne() {
        String client = client("stay@example.com");
        assertThat(post(PRICE, """
                {"destination": "Mauritius", "check_in": "2027-03-01", "check_out": "2027-03-04", "adults": 2,
                 "budget": {"amount": 20000, "currency": "ZAR"}, "board": "bb", "client_id": "%s", "create": true,
                 "notes": "Honeymoon"}""".formatted(client))).hasStatus(HttpStatus.CREATED).bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.alternatives[*].hotel_name").asArray()
                            .containsExactly("Beach Inn");
                    assertThat(json).extractingPath("$.quote.number").isEqualTo("Q-000001");
                    assertThat(json).extractingPath("$.quote.status").isEqualTo("draft");
                    assertThat(json).extractingPath("$.quote.currency").isEqualTo("ZAR");
                    assertThat(json).extractingPath("$.quote.travel_start").isEqualTo("2027-03-01");
                    assertThat(json).extractingPath("$.quote.adults").isEqualTo(2);
                    assertThat(json).extractingPath("$.quote.notes").isEqualTo("Honeymoon");
                    assertThat(json).extractingPath("$.quote.lines[0].markup_percent").isEqualTo(20);
                    // 180 USD x 3 nights x 1.2 x 18.20 x 1.03
                    assertThat(json).extractingPath("$.quote.total.amount").isEqualTo(12147.41);
                });
        assertThat(post(PRICE, """
                {"destination": "Mauritius", "check_in": "2027-03-01", "check_out": "2027-03-04", "adults": 2,
                 "currency": "USD", "client_id": "%s", "create": true, "choose": 1}""".formatted(client)))
                .hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.quote.lines[0].description").asString()
                            .startsWith(read(post(PRICE, """
                                    {"destination": "Mauritius", "check_in": "2027-03-01",
                                     "check_out": "2027-03-04", "adults": 2, "currency": "USD"}"""),
                                    "$.alternatives[1].hotel_name"));
                    assertThat(json).extractingPath("$.quote.currency").isEqualTo("USD");
                });
        assertThat(post(PRICE, """
                {"destination": "Mauritius", "check_in": "2027-03-01", "check_out": "2027-03-04", "adults": 2,
                 "budget": {"amount": 100, "currency": "ZAR"}, "client_id": "%s", "create": true}"""
                .formatted(client))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/no-alternative-within-budget");
    }

    @Test
    void noRateForTheStayIsAnUnprocessableRequest() {
        assertThat(post(PRICE, """
                {"destination": "Atlantis", "check_in": "2027-03-01", "check_out": "2027-03-04", "adults": 2}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/no-rate-for-stay");
        assertThat(post(PRICE, """
                {"destination": "Mauritius", "check_in": "2027-08-01", "check_out": "2027-08-04", "adults": 2}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void badRequestsNameTheField() {
        assertThat(post(PRICE, """
                {"destination": "Mauritius", "check_in": "2027-03-01", "check_out": "2027-03-04", "adults": 2,
                 "children_ages": [30], "create": true, "currency": "ZAR", "board": "XL",
                 "budget": {"amount": -1, "currency": "USD"}, "choose": -1}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("children_ages", "client_id", "budget.amount", "budget.currency", "choose",
                        "board");
        assertThat(post(PRICE, """
                {"check_in": "2027-03-04", "check_out": "2027-03-01", "adults": 0}""")).hasStatus(
                HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("destination", "check_out", "adults");
        assertThat(post(PRICE, """
                {"destination": "Mauritius", "check_in": "2027-03-01", "check_out": "2027-03-04", "adults": 2,
                 "budget": {"amount": 10, "currency": "XYZ1"}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(PRICE, """
                {"destination": "Mauritius", "check_in": "2027-03-01", "check_out": "2027-03-04", "adults": 2,
                 "client_id": "%s", "create": true, "choose": 7}""".formatted(client("c@example.com"))))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("choose");
    }
}
