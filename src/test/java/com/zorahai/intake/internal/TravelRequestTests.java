package com.zorahai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.ai.Classification;
import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.quoting.TravelRequestDraft;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class TravelRequestTests {

    private static <T> Field<T> f(T value) {
        return new Field<>(value, 0.9, null);
    }

    private static TravelRequestExtraction zanzibar() {
        return new TravelRequestExtraction(Classification.NEW_TRAVEL_REQUEST, null, null, null,
                List.of(f("Zanzibar")), f("Johannesburg"), f(LocalDate.of(2027, 4, 2)), null, f("2027-04"), f(7),
                f(2), f(2), f(List.of(5, 9)), f(Money.of("20000", "ZAR")), f(true), f("AI"), f(4),
                f("close to the beach"), null, "rules", "rules");
    }

    @Test
    void theSenderFillsInTheAddressAndNameAndTheDraftGetsTheWholePartysBudget() {
        TravelRequest request = TravelRequest.of(zanzibar(), TravelRequest.Sender.parse(
                "\"Mitchell, Sarah\" <Sarah@Example.com>"));

        assertThat(request.text(RequestField.EMAIL)).isEqualTo("sarah@example.com");
        assertThat(request.text(RequestField.CLIENT_NAME)).isEqualTo("Mitchell, Sarah");
        assertThat(request.month()).isEqualTo(YearMonth.of(2027, 4));
        ClientId client = ClientId.random();
        TravelRequestDraft draft = request.draft(client, "notes");
        assertThat(draft.clientId()).isEqualTo(client);
        // check-out from the nights, the budget per person times four
        assertThat(draft.checkOut()).isEqualTo(LocalDate.of(2027, 4, 9));
        assertThat(draft.budget()).isEqualTo(Money.of("80000", "ZAR"));
        assertThat(draft.board()).isEqualTo("AI");
        assertThat(draft.describesStay()).isTrue();
        assertThat(request.summary()).containsExactly("Destination: Zanzibar", "From: Johannesburg",
                "Dates: 2027-04-02 to 2027-04-09", "Nights: 7", "Travellers: 2 adults, 2 children (aged 5, 9)",
                "Budget: ZAR 20000 per person", "Board: AI", "Stars: 4+", "Special requests: close to the beach");
    }

    @Test
    void correctionsReplaceAndClearValues() {
        TravelRequest request = TravelRequest.of(zanzibar(), TravelRequest.Sender.parse("sarah@example.com"))
                .with(RequestField.CHECK_IN, null)
                .with(RequestField.DESTINATION, "Mauritius")
                .withDefault(RequestField.ADULTS, 5)
                .withDefault(RequestField.PHONE, "+27825550101");

        assertThat(request.has(RequestField.CHECK_IN)).isFalse();
        assertThat(request.text(RequestField.DESTINATION)).isEqualTo("Mauritius");
        assertThat(request.number(RequestField.ADULTS)).isEqualTo(2);
        assertThat(request.text(RequestField.PHONE)).isEqualTo("+27825550101");
        assertThat(request.text(RequestField.CLIENT_NAME)).isNull();
        assertThat(request.summary()).contains("Month: April 2027");
    }

    @Test
    void readsSenders() {
        assertThat(TravelRequest.Sender.parse("Jane Doe <jane@example.com>"))
                .isEqualTo(new TravelRequest.Sender("Jane Doe", "jane@example.com"));
        assertThat(TravelRequest.Sender.parse("<jane@example.com>"))
                .isEqualTo(new TravelRequest.Sender(null, "jane@example.com"));
        assertThat(TravelRequest.Sender.parse("not an address")).isEqualTo(new TravelRequest.Sender(null, null));
        assertThat(TravelRequest.Sender.parse(null)).isEqualTo(new TravelRequest.Sender(null, null));
    }
}
