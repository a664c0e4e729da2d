package com.zorahai.intake.internal;

import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields of a travel request that intake reads, checks against the confidence threshold and lets a reviewer
 * correct, by their API names.
 */
public enum RequestField {

    CLIENT_NAME("client_name", false, TravelRequestExtraction::clientName), EMAIL("email", false,
            TravelRequestExtraction::email), PHONE("phone", false, TravelRequestExtraction::phone), DESTINATION(
                    "destination", true,
                    x -> x.destinations().isEmpty() ? Field.absent() : x.destinations().getFirst()), ORIGIN("origin",
                            false, TravelRequestExtraction::origin), CHECK_IN("check_in", true,
                                    TravelRequestExtraction::checkIn), CHECK_OUT("check_out", true,
                                            TravelRequestExtraction::checkOut), MONTH("month", true,
                                                    TravelRequestExtraction::month), NIGHTS("nights", true,
                                                            TravelRequestExtraction::nights), ADULTS("adults", true,
                                                                    TravelRequestExtraction::adults), CHILDREN(
                                                                            "children", true,
                                                                            TravelRequestExtraction::children), CHILDREN_AGES(
                                                                                    "children_ages", true,
                                                                                    TravelRequestExtraction::childrenAges), BUDGET(
                                                                                            "budget", true,
                                                                                            TravelRequestExtraction::budget), BUDGET_PER_PERSON(
                                                                                                    "budget_per_person",
                                                                                                    true,
                                                                                                    TravelRequestExtraction::budgetPerPerson), BOARD_BASIS(
                                                                                                            "board_basis",
                                                                                                            true,
                                                                                                            TravelRequestExtraction::boardBasis), STARS(
                                                                                                                    "stars",
                                                                                                                    true,
                                                                                                                    TravelRequestExtraction::stars), SPECIAL_REQUESTS(
                                                                                                                            "special_requests",
                                                                                                                            false,
                                                                                                                            TravelRequestExtraction::specialRequests);

    private final String apiName;
    private final boolean pricing;
    private final Function<TravelRequestExtraction, Field<?>> reader;

    RequestField(String apiName, boolean pricing, Function<TravelRequestExtraction, Field<?>> reader) {
        this.apiName = apiName;
        this.pricing = pricing;
        this.reader = reader;
    }

    /** The name in the API and the database, e.g. {@code check_in}. */
    public String apiName() {
        return apiName;
    }

    /** Whether the value changes what is priced: a doubtful value of such a field needs a reviewer. */
    public boolean pricing() {
        return pricing;
    }

    /** The field as extracted; {@link Field#absent()} when it was not found. */
    public Field<?> in(TravelRequestExtraction extraction) {
        Field<?> field = reader.apply(extraction);
        return field == null ? Field.absent() : field;
    }

    public static Optional<RequestField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }
}
