package com.zorahai.intake.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.platform.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a {@link TravelRequestExtraction} as JSON and reads it back: every field as {@code {value, confidence,
 * span}} in snake_case, money as {@code {amount, currency}}.
 */
@Component
public class ExtractionCodec {

    private final JsonMapper json;

    ExtractionCodec(JsonMapper json) {
        this.json = json.rebuild()
                .addMixIn(Money.class, MoneyShape.class)
                .addMixIn(com.zorahai.ai.Field.class, FieldShape.class)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @JsonIgnoreProperties(value = {"zero", "negative"}, ignoreUnknown = true)
    private abstract static class MoneyShape {
    }

    @JsonIgnoreProperties(value = {"present"}, ignoreUnknown = true)
    private abstract static class FieldShape {
    }

    public String write(TravelRequestExtraction extraction) {
        return json.writeValueAsString(extraction);
    }

    public TravelRequestExtraction read(String stored) {
        return json.readValue(stored, TravelRequestExtraction.class);
    }
}
