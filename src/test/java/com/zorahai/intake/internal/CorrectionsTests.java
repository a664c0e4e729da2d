package com.zorahai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CorrectionsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, JsonNode> corrections(String json) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    @Test
    void readsEachFieldIntoItsType() {
        Map<RequestField, Object> read = Corrections.read(corrections("""
                {"client_name": " Sarah Mitchell ", "email": "Sarah@Example.com", "phone": "+27 82 555 0101",
                 "destination": "Zanzibar", "origin": "Johannesburg", "check_in": "2027-04-02",
                 "check_out": "2027-04-09", "month": "2027-04", "nights": 7, "adults": 2, "children": 2,
                 "children_ages": [5, 9], "budget": {"amount": 80000, "currency": "zar"},
                 "budget_per_person": false, "board_basis": "ai", "stars": 4, "special_requests": null}"""));

        assertThat(read).containsEntry(RequestField.CLIENT_NAME, "Sarah Mitchell")
                .containsEntry(RequestField.EMAIL, "sarah@example.com")
                .containsEntry(RequestField.CHECK_IN, LocalDate.of(2027, 4, 2))
                .containsEntry(RequestField.MONTH, YearMonth.of(2027, 4))
                .containsEntry(RequestField.CHILDREN_AGES, List.of(5, 9))
                .containsEntry(RequestField.BUDGET, Money.of("80000", "ZAR"))
                .containsEntry(RequestField.BOARD_BASIS, "AI")
                .containsEntry(RequestField.BUDGET_PER_PERSON, false)
                .containsEntry(RequestField.SPECIAL_REQUESTS, null);
        assertThat(Corrections.read(null)).isEmpty();
    }

    @Test
    void namesEveryInvalidCorrection() {
        assertThatThrownBy(() -> Corrections.read(corrections("""
                {"email": "sarah", "phone": "call me", "check_in": 20270402, "month": "July", "nights": 0,
                 "children_ages": [5, 18], "budget": 80000, "budget_per_person": "yes", "stars": 6,
                 "destination": "  ", "origin": "%s"}""".formatted("x".repeat(201)))))
                .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(fields(ex)).containsExactly(
                        "corrections.email", "corrections.phone", "corrections.check_in", "corrections.month",
                        "corrections.nights", "corrections.children_ages[1]", "corrections.budget",
                        "corrections.budget_per_person", "corrections.stars", "corrections.destination",
                        "corrections.origin"));
        assertThatThrownBy(() -> Corrections.read(corrections("""
                {"check_in": "2027-04-09", "check_out": "2027-04-09"}""")))
                .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(fields(ex))
                        .containsExactly("corrections.check_out"));
    }

    @Test
    void writesValuesAsTheApiShowsThem() {
        assertThat(Corrections.json(LocalDate.of(2027, 4, 2))).isEqualTo("2027-04-02");
        assertThat(Corrections.json(YearMonth.of(2027, 7))).isEqualTo("2027-07");
        assertThat(Corrections.json(Money.of("100", "USD"))).isEqualTo(Map.of("amount",
                Money.of("100", "USD").amount(), "currency", "USD"));
        assertThat(Corrections.json(3)).isEqualTo(3);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ProblemException ex) {
        return ((List<Map<String, String>>) ex.properties().get("errors")).stream().map(e -> e.get("field"))
                .toList();
    }
}
