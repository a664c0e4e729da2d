package com.zorahai.quoting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.identity.Role;
import com.zorahai.quoting.QuotingTestSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class QuoteApiTests extends QuotingTestSupport {

    @Test
    void aDraftGetsTheNextNumberItsLinesPricedAndTotals() {
        String client = client("ana@example.com");
        assertThat(post(QUOTES, """
                {"client_id": "%s", "travel_start": "2027-03-01", "travel_end": "2027-03-05", "adults": 2,
                 "children_ages": [4, 11],
                 "lines": [
                   {"type": "hotel", "description": "Hotel", "quantity": 1, "unit_cost": 1000, "markup_percent": 20},
                   {"type": "transfer", "description": "Transfers", "quantity": 2, "unit_cost": 400,
                    "margin_percent": 20},
                   {"type": "activity", "description": "Safari", "unit_cost": 100, "currency": "USD",
                    "markup_percent": 10},
                   {"type": "fee", "description": "Service fee", "unit_price": 250, "taxable": false}]}
                """.formatted(client))).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.number").isEqualTo("Q-000001");
            assertThat(json).extractingPath("$.status").isEqualTo("draft");
            assertThat(json).extractingPath("$.revision").isEqualTo(0);
            // the tenant is not configured: the default currency
            assertThat(json).extractingPath("$.currency").isEqualTo("ZAR");
            assertThat(json).extractingPath("$.children_ages").asArray().containsExactly(4, 11);
            assertThat(json).extractingPath("$.lines[*].total.amount").asArray().extracting(Object::toString)
                    .containsExactly("1200.0", "1000.0", "2062.06", "250.0");
            // 100 USD x 1.10 x 18.20 x 1.03 (buffer)
            assertThat(json).extractingPath("$.lines[2].exchange_rate").asNumber()
                    .satisfies(n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("18.746"));
            assertThat(json).extractingPath("$.lines[2].unit_cost.currency").isEqualTo("USD");
            assertThat(json).extractingPath("$.lines[3].taxable").isEqualTo(false);
            assertThat(json).extractingPath("$.total.amount").asNumber()
                    .satisfies(n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("4512.06"));
            assertThat(json).extractingPath("$.valid_until").isEqualTo(LocalDate.now().plusDays(14)
                    .toString());
        });
        assertThat(post(QUOTES, "{\"client_id\": \"" + client + "\"}")).hasStatus(HttpStatus.CREATED).bodyJson()
                .extractingPath("$.number").isEqualTo("Q-000002");
    }

    @Test
    void amountsKeepTheirCurrencyScaleInJson() {
        String id = createQuote("""
                {"client_id": "%s", "currency": "JPY",
                 "lines": [{"type": "hotel", "description": "Ryokan", "unit_cost": 10000.5, "markup_percent": 0}]}
                """.formatted(client("jp@example.com")));
        assertThat(get(QUOTES + "/" + id)).hasStatusOk().bodyText()
                .contains("\"total\":{\"amount\":10000,\"currency\":\"JPY\"}");
    }

    @Test
    void theTenantTaxRateAppliesToTaxableLines() {
        tenant = "quoting-taxed";
        String id = createQuote("""
                {"client_id": "%s", "currency": "USD",
                 "lines": [{"type": "hotel", "description": "Hotel", "unit_cost": 10.05, "markup_percent": 0},
                           {"type": "insurance", "description": "Cover", "unit_price": 100, "taxable": false}]}
                """.formatted(client("tax-" + UUID.randomUUID() + "@example.com")));
        assertThat(get(QUOTES + "/" + id)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.tax_rate_percent").isEqualTo(15);
            assertThat(json).extractingPath("$.subtotal.amount").isEqualTo(110.05);
            assertThat(json).extractingPath("$.tax.amount").isEqualTo(1.51);
            assertThat(json).extractingPath("$.total.amount").isEqualTo(111.56);
        });
    }

    @Test
    void badInputNamesEveryField() {
        assertThat(post(QUOTES, """
                {"currency": "EURO", "travel_start": "2027-03-05", "travel_end": "2027-03-01", "adults": 0,
                 "children_ages": [18],
                 "lines": [{"type": "boat", "description": " ", "quantity": 0, "unit_cost": -1,
                            "markup_percent": 10, "margin_percent": 10},
                           {"type": "fee", "description": "x", "currency": "ABC"}]}
                """)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("client_id", "currency", "travel_end", "adults", "children_ages", "lines[0].type",
                        "lines[0].description", "lines[0].quantity", "lines[0].unit_cost",
                        "lines[0].markup_percent", "lines[1].unit_cost", "lines[1].currency");
        assertThat(post(QUOTES, "{\"client_id\": \"" + UUID.randomUUID() + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].reason")
                .isEqualTo("is not a client of this tenant");
        assertThat(post(QUOTES, "{\"client_id\": \"x\", \"colour\": \"red\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
        assertThat(post(QUOTES, "{\"client_id\": \"" + client("past@example.com")
                + "\", \"valid_until\": \"2020-01-01\"}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("valid_until");
        assertThat(post(QUOTES, "{\"client_id\": \"" + client("rate@example.com") + "\", \"lines\": [{\"type\":"
                + " \"fee\", \"description\": \"x\", \"unit_price\": 1, \"currency\": \"CHF\"}]}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type")
                            .isEqualTo("https://zorahai.com/problems/exchange-rate-missing");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("lines[0].currency");
                });
        assertThat(get(QUOTES + "/not-a-uuid")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(QUOTES + "/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/quote-not-found");
    }

    @Test
    void aDraftChangesFreelyWithoutRevisions() {
        String id = draft();
        assertThat(patch(QUOTES + "/" + id, "{\"notes\": null, \"adults\": 3, \"currency\": \"USD\"}"))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.notes").isNull();
                    assertThat(json).extractingPath("$.adults").isEqualTo(3);
                    assertThat(json).extractingPath("$.currency").isEqualTo("USD");
                    // 1200 ZAR in USD: 1200 / 18.20 x 1.03
                    assertThat(json).extractingPath("$.lines[0].total.amount").isEqualTo(67.91);
                    assertThat(json).extractingPath("$.lines[0].total.currency").isEqualTo("USD");
                    assertThat(json).extractingPath("$.revision").isEqualTo(0);
                });
        assertThat(put(QUOTES + "/" + id + "/lines", """
                {"lines": [{"type": "flight", "description": "JNB-MRU", "quantity": 2, "unit_cost": 300,
                            "margin_percent": 25}]}""")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.lines").asArray().hasSize(1);
            assertThat(json).extractingPath("$.total.amount").isEqualTo(800.0);
        });
        assertThat(get(QUOTES + "/" + id + "/lines")).hasStatusOk().bodyJson().extractingPath("$[0].type")
                .isEqualTo("flight");
        assertThat(get(QUOTES + "/" + id + "/revisions")).hasStatusOk().bodyJson().extractingPath("$.items")
                .asArray().isEmpty();
        assertThat(patch(QUOTES + "/" + id, "{\"lines\": []}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("lines");
        assertThat(patch(QUOTES + "/" + id, "{\"client_id\": null, \"adults\": \"two\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(put(QUOTES + "/" + id + "/lines", "{\"lines\": [{\"id\": \"" + UUID.randomUUID()
                + "\", \"type\": \"fee\", \"description\": \"x\", \"unit_price\": 1}]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("lines[0].id");
        assertThat(put(QUOTES + "/" + id + "/lines", "{}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("lines");
    }

    @Test
    void listsFilterByStatusAndClientAndPage() {
        String first = draft();
        String second = draft();
        String clientOfSecond = read(get(QUOTES + "/" + second), "$.client_id");
        assertThat(get(QUOTES)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.total").isEqualTo(2);
            assertThat(json).extractingPath("$.items[*].id").asArray().containsExactly(second, first);
        });
        assertThat(get(QUOTES + "?client_id=" + clientOfSecond)).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().containsExactly(second);
        assertThat(get(QUOTES + "?status=sent")).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(0);
        assertThat(get(QUOTES + "?status=draft&page=1&size=1")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items[*].id").asArray().containsExactly(first);
            assertThat(json).extractingPath("$.page").isEqualTo(1);
            assertThat(json).extractingPath("$.size").isEqualTo(1);
        });
        assertThat(get(QUOTES + "?status=maybe&client_id=x&page=-1&size=0")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("status", "client_id", "page", "size");
    }

    @Test
    void agentsReadButDoNotWrite() {
        String id = draft();
        String agent = auth(Role.AGENT);
        assertThat(mvc.get().uri(QUOTES + "/" + id).header("Authorization", agent)).hasStatusOk();
        assertThat(mvc.post().uri(QUOTES).header("Authorization", agent).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.patch().uri(QUOTES + "/" + id).header("Authorization", agent)
                .contentType(MediaType.APPLICATION_JSON).content("{\"notes\": \"x\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put().uri(QUOTES + "/" + id + "/lines").header("Authorization", agent)
                .contentType(MediaType.APPLICATION_JSON).content("{\"lines\": []}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(QUOTES + "/" + id + "/send").header("Authorization", agent))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(QUOTES + "/" + id + "/decline").header("Authorization", agent))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(QUOTES + ":price").header("Authorization", agent)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(HttpStatus.FORBIDDEN);
        for (Role writer : new Role[]{Role.OWNER, Role.ADMIN, Role.CONSULTANT}) {
            assertThat(mvc.patch().uri(QUOTES + "/" + id).header("Authorization", auth(writer))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"notes\": \"by " + writer + "\"}"))
                    .hasStatusOk();
        }
        assertThat(mvc.get().uri(QUOTES)).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
