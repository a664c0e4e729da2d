package com.zorahai.ai.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.ai.Classification;
import com.zorahai.ai.EmailText;
import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBasedExtractorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final EmailCleaner cleaner = new EmailCleaner();
    private final RuleBasedExtractor rules = new RuleBasedExtractor();

    private TravelRequestExtraction extract(String body) {
        return extract("Holiday", body);
    }

    private TravelRequestExtraction extract(String subject, String body) {
        return extract("Pat Doe <pat@example.com>", subject, body);
    }

    private TravelRequestExtraction extract(String from, String subject, String body) {
        EmailText email = new EmailText(from, subject, body, null, Instant.parse("2026-11-23T08:00:00Z"));
        return rules.extract(cleaner.clean(email), from, TODAY, Currency.getInstance("ZAR"));
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "We arrive 14 March 2027 and leave 21 March 2027.|2027-03-14|2027-03-21",
                "Dates: 14/03/2027 - 21/03/2027|2027-03-14|2027-03-21",
                "From 2027-03-14 to 2027-03-21 please|2027-03-14|2027-03-21",
                "Thinking 14-21 March.|2027-03-14|2027-03-21",
                "the 3rd to the 10th of July would be ideal|2027-07-03|2027-07-10",
                "We could do July 3-10, 2027.|2027-07-03|2027-07-10",
                "for 10 nights starting 2 July|2027-07-02|2027-07-12",
                "28 December to 4 January|2026-12-28|2027-01-04",
                "between 5 and 9 August 2027|2027-08-05|2027-08-09",
                "March 28 - April 4, 2027|2027-03-28|2027-04-04",
        })
        void readsStays(String body, LocalDate checkIn, LocalDate checkOut) {
            TravelRequestExtraction x = extract("Trip to Mauritius. " + body);

            assertThat(x.checkIn().value()).isEqualTo(checkIn);
            assertThat(x.checkOut().value()).isEqualTo(checkOut);
            assertThat(x.nights().value()).isEqualTo((int) (checkOut.toEpochDay() - checkIn.toEpochDay()));
            assertThat(x.checkIn().span().text()).isNotBlank();
        }

        @Test
        void aDateWithoutAYearIsTheNextOneAfterTheEmailArrived() {
            assertThat(extract("Zanzibar on 2 March please").checkIn().value()).isEqualTo(LocalDate.of(2027, 3, 2));
            assertThat(extract("Zanzibar on 30 November please").checkIn().value())
                    .isEqualTo(LocalDate.of(2026, 11, 30));
        }

        @Test
        void aMonthAndNightsWithoutDates() {
            TravelRequestExtraction x = extract("Mauritius sometime in September, about 5 nights.");

            assertThat(x.month().value()).isEqualTo("2027-09");
            assertThat(x.nights().value()).isEqualTo(5);
            assertThat(x.checkIn().isPresent()).isFalse();
        }

        @Test
        void weeksAreNights() {
            assertThat(extract("Bali for two weeks in May").nights().value()).isEqualTo(14);
            assertThat(extract("Bali for a fortnight in May").nights().value()).isEqualTo(14);
            assertThat(extract("Bali for a week in May").nights().value()).isEqualTo(7);
        }

        @Test
        void impossibleDatesAreIgnored() {
            assertThat(extract("Bali 31/02/2027 please").checkIn().isPresent()).isFalse();
        }
    }

    @Nested
    class Party {

        @Test
        void adultsChildrenAndAges() {
            TravelRequestExtraction x = extract("Dubai for 2 adults and 2 kids aged 5 and 9.");

            assertThat(x.adults().value()).isEqualTo(2);
            assertThat(x.children().value()).isEqualTo(2);
            assertThat(x.childrenAges().value()).containsExactly(5, 9);
        }

        @Test
        void agesInBrackets() {
            TravelRequestExtraction x = extract("Dubai, two adults, three children (3, 7 and 11 years old).");

            assertThat(x.children().value()).isEqualTo(3);
            assertThat(x.childrenAges().value()).containsExactly(3, 7, 11);
        }

        @Test
        void aFamilyOfFourIsProbablyTwoAndTwo() {
            TravelRequestExtraction x = extract("We are a family of four looking at Bali.");

            assertThat(x.adults().value()).isEqualTo(2);
            assertThat(x.children().value()).isEqualTo(2);
            assertThat(x.adults().confidence()).isLessThan(0.7);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Me and my wife would love Bali.|2",
                "My husband and I want to see Bali.|2",
                "Bali for our honeymoon.|2",
                "Bali for 4 people.|4",
                "Bali, just me this time.|1",
                "We are a group of 12 going to Bali.|12",
        })
        void adultsFromPhrases(String body, int adults) {
            assertThat(extract(body).adults().value()).isEqualTo(adults);
        }

        @Test
        void aKidsClubIsNotAChild() {
            assertThat(extract("Bali for 2 adults, a kids club would be nice").children().isPresent()).isFalse();
        }
    }

    @Nested
    class Budget {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Our budget is R50 000.|50000|ZAR",
                "Budget around 80k.|80000|ZAR",
                "We can spend $3,500 pp.|3500|USD",
                "Budget: €4.000 for the hotels|4000|EUR",
                "£2k total|2000|GBP",
                "about 3.000 EUR|3000|EUR",
                "up to USD 12 000|12000|USD",
                "a budget of 1 250,50 EUR|1250.50|EUR",
        })
        void amountsAndCurrencies(String body, String amount, String currency) {
            Field<Money> budget = extract("Bali. " + body).budget();

            assertThat(budget.value().amount()).isEqualByComparingTo(amount);
            assertThat(budget.value().currency().getCurrencyCode()).isEqualTo(currency);
        }

        @Test
        void perPersonOrTotal() {
            assertThat(extract("Bali, $3,500 per person").budgetPerPerson().value()).isTrue();
            assertThat(extract("Bali, R60k total").budgetPerPerson().value()).isFalse();
            assertThat(extract("Bali, our total budget is R60 000").budgetPerPerson().value()).isFalse();
            assertThat(extract("Bali, budget R60 000").budgetPerPerson().isPresent()).isFalse();
        }

        @Test
        void aBareNumberIsNoBudget() {
            assertThat(extract("Bali for 2 adults in room 12").budget().isPresent()).isFalse();
        }
    }

    @Nested
    class Places {

        @Test
        void destinationsInOrderAndTheOriginApart() {
            TravelRequestExtraction x = extract("Flying from Johannesburg to Cape Town, then Zanzibar and Mauritius.");

            assertThat(x.origin().value()).isEqualTo("Johannesburg");
            assertThat(x.destinations()).extracting(Field::value).containsExactly("Cape Town", "Zanzibar", "Mauritius");
        }

        @Test
        void airportCodesAndOtherSpellings() {
            TravelRequestExtraction x = extract("Vic Falls please, flying out of JNB.");

            assertThat(x.origin().value()).isEqualTo("Johannesburg");
            assertThat(x.destinations()).extracting(Field::value).containsExactly("Victoria Falls");
        }

        @Test
        void ordinaryWordsAreNoPlaces() {
            assertThat(extract("It would be nice to split the stay, maybe turkey for dinner").destinations()).isEmpty();
        }

        @Test
        void boardBasisAndStars() {
            assertThat(extract("Bali, all-inclusive, 5* please").boardBasis().value()).isEqualTo("AI");
            assertThat(extract("Bali, half board").boardBasis().value()).isEqualTo("HB");
            assertThat(extract("Bali, B&B is fine").boardBasis().value()).isEqualTo("BB");
            assertThat(extract("Bali, room only").boardBasis().value()).isEqualTo("RO");
            assertThat(extract("Bali, full board").boardBasis().value()).isEqualTo("FB");
            assertThat(extract("Bali, 4-star").stars().value()).isEqualTo(4);
            assertThat(extract("Bali, five star").stars().value()).isEqualTo(5);
        }

        @Test
        void specialRequestsAreTheSentencesThatNameThem() {
            TravelRequestExtraction x = extract("Bali in May. It is our honeymoon! We need airport transfers.");

            assertThat(x.specialRequests().value()).contains("honeymoon").contains("airport transfers");
        }
    }

    @Nested
    class Contact {

        @Test
        void fromTheHeader() {
            TravelRequestExtraction x = extract("\"Doe, Pat\" <Pat.Doe@Example.com>", "Bali", "Bali please");

            assertThat(x.clientName().value()).isEqualTo("Pat Doe");
            assertThat(x.email().value()).isEqualTo("pat.doe@example.com");
        }

        @Test
        void fromTheSignatureWhenTheHeaderHasNoName() {
            TravelRequestExtraction x = extract("pat@example.com", "Bali", """
                    Bali please.

                    Kind regards,
                    Pat Doe
                    Mobile: +27 82 555 1234
                    """);

            assertThat(x.clientName().value()).isEqualTo("Pat Doe");
            assertThat(x.phone().value()).isEqualTo("+27825551234");
            assertThat(x.phone().span().text()).isEqualTo("+27 82 555 1234");
        }

        @Test
        void aDateIsNoPhoneNumber() {
            assertThat(extract("Bali 2027-03-14 to 2027-03-21").phone().isPresent()).isFalse();
        }
    }

    @Nested
    class Classifying {

        @Test
        void aQuoteReferenceMakesAReply() {
            TravelRequestExtraction x = extract("Re: Your quote Q-000123", "Looks good, we accept.");

            assertThat(x.classification()).isEqualTo(Classification.QUOTE_REPLY);
            assertThat(x.quoteReference().value()).isEqualTo("Q-000123");
        }

        @Test
        void supportAutomatedAndRequests() {
            assertThat(extract("Refund", "I want a refund for my booking").classification())
                    .isEqualTo(Classification.SUPPORT_REQUEST);
            assertThat(extract("Out of Office", "I am currently out of the office until 30 November").classification())
                    .isEqualTo(Classification.AUTOMATED);
            assertThat(extract("no-reply@shop.example", "Deals", "Zanzibar deals").classification())
                    .isEqualTo(Classification.AUTOMATED);
            assertThat(extract("Trip", "Zanzibar for 2 adults in May").classification())
                    .isEqualTo(Classification.NEW_TRAVEL_REQUEST);
            assertThat(extract("Hello", "What are your opening hours?").classification())
                    .isEqualTo(Classification.SUPPORT_REQUEST);
        }

        @Test
        void automatedMailCarriesNoRequest() {
            TravelRequestExtraction x = extract("Automatic reply", "Away until 30 November in Zanzibar.");

            assertThat(x.classification()).isEqualTo(Classification.AUTOMATED);
            assertThat(x.destinations()).isEmpty();
            assertThat(x.checkIn().isPresent()).isFalse();
        }
    }

    @Test
    void spansPointIntoTheCleanedText() {
        EmailText email = new EmailText("Pat <pat@example.com>", "Trip", "Zanzibar 14-21 March for 2 adults, R50 000",
                null, Instant.parse("2026-11-23T08:00:00Z"));
        CleanedEmail cleaned = cleaner.clean(email);
        TravelRequestExtraction x = rules.extract(cleaned, email.from(), TODAY, Currency.getInstance("ZAR"));

        for (Field<?> field : List.of(x.destinations().get(0), x.checkIn(), x.adults(), x.budget())) {
            assertThat(cleaned.text().substring(field.span().start(), field.span().end()))
                    .isEqualTo(field.span().text());
        }
        assertThat(x.engine()).isEqualTo("rules");
    }
}
