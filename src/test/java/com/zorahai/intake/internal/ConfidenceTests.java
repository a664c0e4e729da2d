package com.zorahai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.ai.Classification;
import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceTests {

    private final Confidence confidence = new Confidence(0.6, List.of("destination", "dates", "adults"));

    private static TravelRequestExtraction extraction(Field<String> destination, Field<LocalDate> checkIn,
            Field<LocalDate> checkOut, Field<String> month, Field<Integer> adults, Field<Integer> children) {
        return new TravelRequestExtraction(Classification.NEW_TRAVEL_REQUEST, null, null, null,
                destination == null ? List.of() : List.of(destination), null, checkIn, checkOut, month, null, adults,
                children, null, null, null, null, null, null, null, "rules", "rules");
    }

    private static <T> Field<T> f(T value, double confidence) {
        return new Field<>(value, confidence, null);
    }

    @Test
    void aRequestWithEveryRequiredFieldAtTheThresholdIsConfident() {
        assertThat(confidence.doubtful(extraction(f("Zanzibar", 0.6), f(LocalDate.of(2027, 4, 2), 0.8),
                f(LocalDate.of(2027, 4, 9), 0.8), null, f(2, 0.95), null))).isEmpty();
        // a month stands in for the dates
        assertThat(confidence.doubtful(extraction(f("Zanzibar", 0.9), null, null, f("2027-07", 0.7), f(2, 0.95),
                null))).isEmpty();
    }

    @Test
    void namesWhatIsMissingOrDoubtful() {
        assertThat(confidence.doubtful(extraction(null, null, null, null, null, null)))
                .containsExactly("destination", "dates", "adults");
        assertThat(confidence.doubtful(extraction(f("Zanzibar", 0.59), f(LocalDate.of(2027, 4, 2), 0.9), null,
                null, f(2, 0.9), null))).containsExactly("destination", "check_out");
        assertThat(confidence.doubtful(extraction(f("Zanzibar", 0.9), null, null, f("2027-07", 0.3), f(2, 0.9),
                null))).containsExactly("month");
        // a doubtful value of another pricing field counts too
        assertThat(confidence.doubtful(extraction(f("Zanzibar", 0.9), null, null, f("2027-07", 0.8), f(2, 0.6),
                f(2, 0.5)))).containsExactly("children");
    }

    @Test
    void theRequiredFieldsAreConfigurable() {
        Confidence lenient = new Confidence(0.6, List.of("destination"));
        assertThat(lenient.doubtful(extraction(f("Zanzibar", 0.9), null, null, null, null, null))).isEmpty();
        Confidence strict = new Confidence(0.9, List.of("destination", "budget"));
        assertThat(strict.doubtful(extraction(f("Zanzibar", 0.85), null, null, null, null, null)))
                .containsExactly("destination", "budget");
    }
}
