package com.zorahai.ai;

import com.zorahai.platform.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What was read from one email. Absent values are {@link Field#absent()}, never null; spans are offsets into the
 * cleaned text.
 *
 * @param children the number of children
 * @param childrenAges the children's ages, when the email gives them
 * @param boardBasis {@code RO}, {@code BB}, {@code HB}, {@code FB} or {@code AI}
 * @param month the travel month ({@code 2027-07}) when the email gives a month rather than dates
 * @param budgetPerPerson true when the budget is per person, false when it is for the whole party
 * @param engine {@code openai} or {@code rules}
 * @param model the model that answered, or {@code rules}
 */
public record TravelRequestExtraction(Classification classification, Field<String> clientName, Field<String> email,
        Field<String> phone, List<Field<String>> destinations, Field<String> origin, Field<LocalDate> checkIn,
        Field<LocalDate> checkOut, Field<String> month, Field<Integer> nights, Field<Integer> adults,
        Field<Integer> children, Field<List<Integer>> childrenAges, Field<Money> budget, Field<Boolean> budgetPerPerson,
        Field<String> boardBasis, Field<Integer> stars, Field<String> specialRequests, Field<String> quoteReference,
        String engine, String model) {

    public TravelRequestExtraction {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        clientName = orAbsent(clientName);
        email = orAbsent(email);
        phone = orAbsent(phone);
        origin = orAbsent(origin);
        checkIn = orAbsent(checkIn);
        checkOut = orAbsent(checkOut);
        month = orAbsent(month);
        nights = orAbsent(nights);
        adults = orAbsent(adults);
        children = orAbsent(children);
        childrenAges = orAbsent(childrenAges);
        budget = orAbsent(budget);
        budgetPerPerson = orAbsent(budgetPerPerson);
        boardBasis = orAbsent(boardBasis);
        stars = orAbsent(stars);
        specialRequests = orAbsent(specialRequests);
        quoteReference = orAbsent(quoteReference);
    }

    private static <T> Field<T> orAbsent(Field<T> field) {
        return field == null ? Field.absent() : field;
    }
}
