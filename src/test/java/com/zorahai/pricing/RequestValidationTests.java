package com.zorahai.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.ProblemException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidationTests {

    private static final LocalDate IN = LocalDate.of(2026, 11, 28);

    @SuppressWarnings("unchecked")
    private static List<String> fields(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            assertThat(e.status().value()).isEqualTo(400);
            return ((List<Map<String, String>>) e.properties().get("errors")).stream().map(m -> m.get("field"))
                    .toList();
        }
        throw new AssertionError("no problem");
    }

    @Test
    void aValidStayKnowsItsNights() {
        StayRequest stay = StayRequest.of(" Cape Town ", IN, IN.plusDays(3), 2, List.of(5, 9), null, null, " ",
                null);
        assertThat(stay.destination()).isEqualTo("Cape Town");
        assertThat(stay.nights()).isEqualTo(3);
        assertThat(stay.nightDates()).containsExactly(IN, IN.plusDays(1), IN.plusDays(2));
        assertThat(stay.roomType()).isNull();
        assertThat(StayRequest.of("Bali", IN, IN.plusDays(60), 1, null, null, null, null, null).nights())
                .isEqualTo(60);
    }

    @Test
    void anInvalidStayNamesEveryBadField() {
        assertThat(fields(() -> StayRequest.of(null, null, null, null, null, null, null, null, null)))
                .containsExactly("destination", "check_in", "check_out", "adults");
        assertThat(fields(() -> StayRequest.of("Bali", IN, IN, 0, List.of(18), null, 6, null, null)))
                .containsExactly("check_out", "adults", "children", "stars");
        assertThat(fields(() -> StayRequest.of("Bali", IN, IN.plusDays(61), 1, Arrays.asList(3, null), null, null,
                null, null))).containsExactly("check_out", "children");
        assertThat(fields(() -> StayRequest.of("---", IN, IN.minusDays(1), 1, List.of(-1), null, null,
                "x".repeat(121), null))).containsExactly("destination", "check_out", "children", "room_type");
        assertThat(fields(() -> StayRequest.of("x".repeat(121), IN, IN.plusDays(1), 21, List.of(1, 2, 3, 4, 5, 6,
                7, 8, 9, 10, 11), null, null, null, null))).containsExactly("destination", "adults", "children");
    }

    @Test
    void aValidFlightCountsFaresByAge() {
        FlightRequest flight = FlightRequest.of("jnb", " dxb", IN, IN.plusDays(7), 2, List.of(0, 5, 12), null,
                null);
        assertThat(flight.origin()).isEqualTo("JNB");
        assertThat(flight.destination()).isEqualTo("DXB");
        assertThat(flight.adultFares()).isEqualTo(3);
        assertThat(flight.childFares()).isEqualTo(1);
        assertThat(flight.infantFares()).isEqualTo(1);
    }

    @Test
    void anInvalidFlightNamesEveryBadField() {
        assertThat(fields(() -> FlightRequest.of("JOHANNESBURG", "D1B", null, null, null, null, null, null)))
                .containsExactly("origin", "destination", "depart", "adults");
        assertThat(fields(() -> FlightRequest.of("JNB", "JNB", IN, IN.minusDays(1), 0, List.of(20), null, null)))
                .containsExactly("destination", "return", "adults", "children");
        assertThat(fields(() -> FlightRequest.of("JNB", "CPT", IN, IN.plusDays(400), 1, List.of(0, 1), null,
                null))).containsExactly("return", "children");
        assertThat(fields(() -> FlightRequest.of("JNB", "CPT", IN, null, 8, List.of(5, 6), null, null)))
                .containsExactly("adults");
    }

    @Test
    void enumsAndDestinationsParseLeniently() {
        assertThat(BoardBasis.parse(" hb ", "board")).isEqualTo(BoardBasis.HB);
        assertThat(RateBasis.parse("Per-Person", "rate_basis")).isEqualTo(RateBasis.PER_PERSON);
        assertThat(Cabin.parse("premium economy", "cabin")).isEqualTo(Cabin.PREMIUM_ECONOMY);
        assertThat(fields(() -> BoardBasis.parse("XX", "board"))).containsExactly("board");
        assertThat(fields(() -> RateBasis.parse(null, "rate_basis"))).containsExactly("rate_basis");
        assertThat(fields(() -> Cabin.parse("cargo", "cabin"))).containsExactly("cabin");
        assertThat(Destination.of("  Île   Maurice ", "d")).isEqualTo(new Destination("ile maurice",
                "Île Maurice"));
        assertThat(Destination.key("Cape-Town")).isEqualTo(Destination.key("cape  town")).isEqualTo("cape town");
        assertThat(fields(() -> Destination.of(" ", "destination"))).containsExactly("destination");
    }
}
