package com.zorahai.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.crm.ClientId;
import com.zorahai.identity.Role;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The root API other modules draft quotes with: priced as quotes:price prices, or empty with the request noted. */
class QuotesFromRequestTests extends QuotingTestSupport {

    private static final String RATES = """
            hotel_name,hotel_code,destination,room_type,board_basis,stars,valid_from,valid_to,rate,rate_basis,\
            max_adults,max_children,child_free_under,child_max_age,child_rate,child_percent,currency,supplier
            Lagoon Resort,MRU-LR,Mauritius,Junior Suite,HB,5,2026-11-01,2027-06-30,260,per_person,3,2,3,12,,50,USD,DMC
            Beach Inn,,Mauritius,Standard,BB,3,2026-11-01,2027-06-30,180,per_room,2,2,,,25,,USD,DMC
            Rand Lodge,,Mauritius,Room,RO,2,2026-11-01,2027-06-30,1500,per_room,,,,,,,ZAR,DMC
            """;

    @Autowired
    Quotes quotes;

    private TenantId id;
    private ClientId client;

    @BeforeEach
    void ratesAndClient() {
        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import").header("Authorization", auth(Role.ADMIN))
                .contentType("text/csv").content(RATES)).hasStatusOk();
        id = TenantId.of(tenant);
        client = ClientId.of(UUID.fromString(client("stay@example.com")));
    }

    private TravelRequestDraft stay(String destination, Money budget, String board) {
        return new TravelRequestDraft(client, destination, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 4), null,
                2, List.of(), budget, board, null, "From an email");
    }

    private Map<String, Object> quote(DraftQuote draft) {
        return jdbc.sql("select number, notes, total, travel_start::text as start, adults, children_ages::text as ages"
                + " from quotes where tenant_id = ? and id = ?").params(tenant, draft.id().value()).query().singleRow();
    }

    @Test
    void aStayIsPricedExactlyAsQuotesPriceDoes() {
        DraftQuote draft = quotes.draftFromRequest(id, stay("Mauritius", Money.of("20000", "ZAR"), "bb"));

        assertThat(draft.number()).isEqualTo("Q-000001");
        assertThat(draft.priced()).isTrue();
        assertThat(draft.pricingNote()).isNull();
        // the same figure as quotes:price with create: 180 USD x 3 nights x 1.2 x 18.20 x 1.03
        assertThat(draft.total().amount()).isEqualByComparingTo("12147.41");
        assertThat(quote(draft)).containsEntry("notes", "From an email").containsEntry("start", "2027-03-01");
        assertThat(jdbc.sql("select count(*) from quote_lines where tenant_id = ? and quote_id = ?")
                .params(tenant, draft.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void overBudgetTheCheapestIsDraftedAndSaidSo() {
        DraftQuote draft = quotes.draftFromRequest(id, stay("Mauritius", Money.of("100", "ZAR"), null));

        assertThat(draft.priced()).isTrue();
        // Rand Lodge: 3 nights x 1500 ZAR x 1.2
        assertThat(draft.total().amount()).isEqualByComparingTo("5400");
        assertThat(draft.pricingNote()).isEqualTo(
                "Every alternative costs more than the budget of ZAR 100; the cheapest is drafted.");
        assertThat((String) quote(draft).get("notes")).isEqualTo("From an email\n\n" + draft.pricingNote());
    }

    @Test
    void withoutMatchingRatesOrDatesTheDraftIsEmptyWithTheRequestInItsNotes() {
        DraftQuote nowhere = quotes.draftFromRequest(id, stay("Atlantis", null, null));
        assertThat(nowhere.priced()).isFalse();
        assertThat(nowhere.total().amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(nowhere.pricingNote()).startsWith("Not priced: No hotel rate covers every night");
        assertThat((String) quote(nowhere).get("notes")).startsWith("From an email\n\nNot priced: No hotel rate");

        DraftQuote july = quotes.draftFromRequest(id, new TravelRequestDraft(client, "Mauritius", null, null,
                YearMonth.of(2027, 7), 99, List.of(4, 30), null, null, null, null));
        assertThat(july.priced()).isFalse();
        assertThat(july.number()).isEqualTo("Q-000002");
        // what a quote cannot hold is left out rather than refused
        assertThat(quote(july)).containsEntry("notes",
                "Travel in July 2027.\n\nNot priced: the request gives no travel dates.")
                .containsEntry("adults", 1).containsEntry("ages", "{}");

        DraftQuote bad = quotes.draftFromRequest(id, new TravelRequestDraft(client, "Mauritius",
                LocalDate.of(2027, 3, 4), LocalDate.of(2027, 3, 1), null, 2, List.of(), null, "XX", 9, null));
        assertThat(bad.priced()).isFalse();
        assertThat(bad.pricingNote()).startsWith("Not priced: ");
    }

    @Test
    void aClientOfAnotherTenantIsRefused() {
        ClientId stranger = ClientId.of(UUID.randomUUID());
        assertThatThrownBy(() -> quotes.draftFromRequest(id, new TravelRequestDraft(stranger, "Mauritius", null,
                null, null, 2, null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.detail()).startsWith(
                        "client_id"));
        assertThatThrownBy(() -> quotes.draftFromRequest(id, null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void findsAQuoteByItsNumberInItsTenantOnly() {
        DraftQuote draft = quotes.draftFromRequest(id, stay("Mauritius", null, null));

        assertThat(quotes.findByNumber(id, " q-000001 ")).hasValueSatisfying(q -> {
            assertThat(q.id()).isEqualTo(draft.id());
            assertThat(q.clientId()).isEqualTo(client);
            assertThat(q.status()).isEqualTo("draft");
            assertThat(q.travelEnd()).isEqualTo(LocalDate.of(2027, 3, 4));
            assertThat(q.adults()).isEqualTo(2);
        });
        assertThat(quotes.findByNumber(TenantId.of(newTenant()), "Q-000001")).isEmpty();
        assertThat(quotes.findByNumber(id, "Q-000002")).isEmpty();
        assertThat(quotes.findByNumber(id, " ")).isEmpty();
        assertThat(quotes.findByNumber(id, null)).isEmpty();
    }
}
