package com.zorahai.intake.internal;

import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a travel request was read confidently enough to act on without a person: every required field is present
 * with at least the threshold's confidence, and no other value that changes the price is below it.
 */
public final class Confidence {

    /** What {@code zorah.intake.required-fields} may name; {@code dates} means check-in and check-out, or a month. */
    public static final Set<String> REQUIRABLE = Set.of("destination", "dates", "adults", "budget", "client_name",
            "phone", "origin", "board_basis", "stars");

    private final double threshold;
    private final List<String> required;

    public Confidence(double threshold, List<String> required) {
        this.threshold = threshold;
        this.required = List.copyOf(required);
    }

    public double threshold() {
        return threshold;
    }

    /**
     * The fields that keep the request from being confident, in a stable order: a required field that is missing is
     * named as required ({@code dates} when no date or month was found), a value below the threshold by its field.
     * Empty when the request is confident.
     */
    public List<String> doubtful(TravelRequestExtraction x) {
        Set<String> doubtful = new LinkedHashSet<>();
        for (String requirement : required) {
            if (requirement.equals("dates")) {
                dates(x, doubtful);
            } else {
                RequestField field = RequestField.named(requirement).orElseThrow();
                if (!trusted(field.in(x))) {
                    doubtful.add(requirement);
                }
            }
        }
        for (RequestField field : RequestField.values()) {
            Field<?> value = field.in(x);
            if (field.pricing() && value.isPresent() && value.confidence() < threshold) {
                doubtful.add(field.apiName());
            }
        }
        return List.copyOf(doubtful);
    }

    private void dates(TravelRequestExtraction x, Set<String> doubtful) {
        boolean exact = trusted(x.checkIn()) && trusted(x.checkOut());
        if (exact || trusted(x.month())) {
            return;
        }
        if (x.checkIn().isPresent() || x.checkOut().isPresent()) {
            if (!trusted(x.checkIn())) {
                doubtful.add(RequestField.CHECK_IN.apiName());
            }
            if (!trusted(x.checkOut())) {
                doubtful.add(RequestField.CHECK_OUT.apiName());
            }
        } else if (x.month().isPresent()) {
            doubtful.add(RequestField.MONTH.apiName());
        } else {
            doubtful.add("dates");
        }
    }

    private boolean trusted(Field<?> field) {
        return field.isPresent() && field.confidence() >= threshold;
    }
}
