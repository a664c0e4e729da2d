package com.zorahai.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.pricing.BoardBasis;
import com.zorahai.pricing.Destination;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.RateBasis;
import com.zorahai.pricing.StayOption;
import com.zorahai.pricing.StayRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StayCalculatorTests {

    private static final Currency ZAR = Currency.getInstance("ZAR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static HotelRate rate(String hotel, String room, String from, String to, String amount,
            RateBasis basis) {
        return rate(hotel, room, BoardBasis.BB, from, to, amount, basis, HotelRate.ChildPolicy.NONE, ZAR);
    }

    private static HotelRate rate(String hotel, String room, BoardBasis board, String from, String to,
            String amount, RateBasis basis, HotelRate.ChildPolicy children, Currency currency) {
        return new HotelRate(UUID.randomUUID().toString(), hotel, null, Destination.of("Cape Town", "destination"),
                room, board, 4, LocalDate.parse(from), LocalDate.parse(to), new BigDecimal(amount), basis,
                HotelRate.Occupancy.UNLIMITED, children, currency, "Supplier");
    }

    private static StayRequest stay(String checkIn, String checkOut, int adults, Integer... ages) {
        return StayRequest.of("Cape Town", LocalDate.parse(checkIn), LocalDate.parse(checkOut), adults,
                List.of(ages), null, null, null, null);
    }

    @Test
    void pricesEachNightWithTheSeasonValidThatNight() {
        HotelRate low = rate("Bay Hotel", "Deluxe", "2026-11-01", "2026-11-30", "1000", RateBasis.PER_ROOM);
        HotelRate high = rate("Bay Hotel", "Deluxe", "2026-12-01", "2027-01-31", "1500", RateBasis.PER_ROOM);

        List<StayOption> options = StayCalculator.price(List.of(high, low), stay("2026-11-28", "2026-12-03", 2),
                ZAR);

        assertThat(options).singleElement().satisfies(option -> {
            assertThat(option.nights()).extracting(StayOption.Night::date).containsExactly(
                    LocalDate.parse("2026-11-28"), LocalDate.parse("2026-11-29"), LocalDate.parse("2026-11-30"),
                    LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"));
            assertThat(option.nights()).extracting(n -> n.amount().amount().toPlainString())
                    .containsExactly("1000.00", "1000.00", "1000.00", "1500.00", "1500.00");
            assertThat(option.nights()).extracting(StayOption.Night::rateId)
                    .containsExactly(low.id(), low.id(), low.id(), high.id(), high.id());
            assertThat(option.total().amount().toPlainString()).isEqualTo("6000.00");
            assertThat(option.total().currency()).isEqualTo(ZAR);
        });
    }

    @Test
    void checkOutDayIsNotANightAndValidToIsInclusive() {
        HotelRate november = rate("Bay Hotel", "Deluxe", "2026-11-01", "2026-11-30", "1000", RateBasis.PER_ROOM);

        assertThat(StayCalculator.price(List.of(november), stay("2026-11-29", "2026-12-01", 2), ZAR))
                .singleElement().satisfies(o -> assertThat(o.total().amount()).isEqualByComparingTo("2000"));
    }

    @Test
    void anUncoveredNightGivesNoOption() {
        HotelRate low = rate("Bay Hotel", "Deluxe", "2026-11-01", "2026-11-30", "1000", RateBasis.PER_ROOM);
        HotelRate later = rate("Bay Hotel", "Deluxe", "2026-12-02", "2027-01-31", "1500", RateBasis.PER_ROOM);

        assertThat(StayCalculator.price(List.of(low, later), stay("2026-11-29", "2026-12-03", 2), ZAR)).isEmpty();
    }

    @Test
    void perPersonRatesMultiplyByGuestsAndPerRoomRatesDoNot() {
        HotelRate perPerson = rate("Guesthouse", "Double", "2026-01-01", "2026-12-31", "500", RateBasis.PER_PERSON);
        HotelRate perRoom = rate("Hotel", "Double", "2026-01-01", "2026-12-31", "1200", RateBasis.PER_ROOM);

        List<StayOption> options = StayCalculator.price(List.of(perPerson, perRoom),
                stay("2026-03-01", "2026-03-03", 3), ZAR);

        assertThat(options).extracting(StayOption::hotelName, o -> o.total().amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Hotel", "2400.00"),
                        org.assertj.core.groups.Tuple.tuple("Guesthouse", "3000.00"));
    }

    @Test
    void childPolicyFreeUnderAgeChildRatePercentAndAdultAge() {
        HotelRate fixed = rate("Fixed", "Family", BoardBasis.HB, "2026-01-01", "2026-12-31", "100",
                RateBasis.PER_PERSON, new HotelRate.ChildPolicy(2, 11, new BigDecimal("40"), null), USD);
        HotelRate percent = rate("Percent", "Family", BoardBasis.HB, "2026-01-01", "2026-12-31", "100",
                RateBasis.PER_PERSON, new HotelRate.ChildPolicy(3, 12, null, new BigDecimal("50")), USD);
        HotelRate none = rate("Full", "Family", BoardBasis.HB, "2026-01-01", "2026-12-31", "100",
                RateBasis.PER_PERSON, HotelRate.ChildPolicy.NONE, USD);
        HotelRate room = rate("Room", "Family", BoardBasis.HB, "2026-01-01", "2026-12-31", "300",
                RateBasis.PER_ROOM, new HotelRate.ChildPolicy(2, 11, new BigDecimal("25"), null), USD);

        // two adults; children aged 1 (free everywhere), 5 (child) and 13 (adult for all but none)
        StayRequest request = stay("2026-06-01", "2026-06-02", 2, 1, 5, 13);

        assertThat(StayCalculator.nightCost(fixed, 2, request.childAges()).amount())
                .isEqualByComparingTo("340"); // 200 + 0 + 40 + 100
        assertThat(StayCalculator.nightCost(percent, 2, request.childAges()).amount())
                .isEqualByComparingTo("350"); // 200 + 0 + 50 + 100
        assertThat(StayCalculator.nightCost(none, 2, request.childAges()).amount())
                .isEqualByComparingTo("500"); // everyone pays the rate
        assertThat(StayCalculator.nightCost(room, 2, request.childAges()).amount())
                .isEqualByComparingTo("325"); // room + one child supplement; the 13-year-old is an adult
    }

    @Test
    void cheapestFirstAndTheTenantCurrencyBeforeOthers() {
        HotelRate dearZar = rate("Dear", "Room", BoardBasis.BB, "2026-01-01", "2026-12-31", "3000",
                RateBasis.PER_ROOM, null, ZAR);
        HotelRate cheapZar = rate("Cheap", "Room", BoardBasis.BB, "2026-01-01", "2026-12-31", "900",
                RateBasis.PER_ROOM, null, ZAR);
        HotelRate usd = rate("Dollar", "Room", BoardBasis.BB, "2026-01-01", "2026-12-31", "50",
                RateBasis.PER_ROOM, null, USD);

        assertThat(StayCalculator.price(List.of(dearZar, usd, cheapZar), stay("2026-05-01", "2026-05-02", 2), ZAR))
                .extracting(StayOption::hotelName).containsExactly("Cheap", "Dear", "Dollar");
        assertThat(StayCalculator.price(List.of(dearZar, usd, cheapZar), stay("2026-05-01", "2026-05-02", 2), USD))
                .extracting(StayOption::hotelName).containsExactly("Dollar", "Cheap", "Dear");
    }

    @Test
    void overlappingRatesOfOneProductTakeTheCheaperEachNight() {
        HotelRate normal = rate("Bay Hotel", "Deluxe", "2026-05-01", "2026-05-31", "1000", RateBasis.PER_ROOM);
        HotelRate special = rate("Bay Hotel", "Deluxe", "2026-05-10", "2026-05-11", "700", RateBasis.PER_ROOM);

        assertThat(StayCalculator.price(List.of(normal, special), stay("2026-05-09", "2026-05-13", 2), ZAR))
                .singleElement().satisfies(o -> assertThat(o.nights()).extracting(n -> n.amount().amount()
                        .intValue()).containsExactly(1000, 700, 700, 1000));
    }

    @Test
    void nightlyAmountsAreRoundedHalfEvenToTheCurrencyAndTheTotalIsTheirSum() {
        HotelRate yen = rate("Tokyo Inn", "Twin", BoardBasis.RO, "2026-01-01", "2026-12-31", "10000.5",
                RateBasis.PER_ROOM, null, JPY);
        HotelRate dollars = rate("Dollar Inn", "Twin", BoardBasis.RO, "2026-01-01", "2026-12-31", "33.3350",
                RateBasis.PER_ROOM, null, USD);

        List<StayOption> options = StayCalculator.price(List.of(yen, dollars), stay("2026-02-01", "2026-02-04", 1),
                JPY);

        assertThat(options.get(0).nights()).allSatisfy(n -> assertThat(n.amount().amount().toPlainString())
                .isEqualTo("10000"));
        assertThat(options.get(0).total().amount().toPlainString()).isEqualTo("30000");
        assertThat(options.get(1).nights()).allSatisfy(n -> assertThat(n.amount().amount().toPlainString())
                .isEqualTo("33.34"));
        assertThat(options.get(1).total().amount().toPlainString()).isEqualTo("100.02");
    }

    @Test
    void filtersByBoardStarsRoomTypeCurrencyAndOccupancy() {
        HotelRate suite = new HotelRate("s", "Bay Hotel", null, Destination.of("Cape Town", "d"), "Sea View Suite",
                BoardBasis.HB, 5, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
                new BigDecimal("2000"), RateBasis.PER_ROOM, new HotelRate.Occupancy(2, 1, 3), null, ZAR, null);
        HotelRate basic = new HotelRate("b", "Budget", null, Destination.of("Cape Town", "d"), "Standard",
                BoardBasis.RO, 2, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
                new BigDecimal("500"), RateBasis.PER_ROOM, null, null, ZAR, null);
        List<HotelRate> rates = List.of(suite, basic);
        LocalDate in = LocalDate.parse("2026-04-01");
        LocalDate out = LocalDate.parse("2026-04-02");

        assertThat(StayCalculator.price(rates, StayRequest.of("Cape Town", in, out, 2, List.of(), BoardBasis.HB,
                null, null, null), ZAR)).extracting(StayOption::hotelName).containsExactly("Bay Hotel");
        assertThat(StayCalculator.price(rates, StayRequest.of("Cape Town", in, out, 2, List.of(), null, 4, null,
                null), ZAR)).extracting(StayOption::hotelName).containsExactly("Bay Hotel");
        assertThat(StayCalculator.price(rates, StayRequest.of("Cape Town", in, out, 2, List.of(), null, null,
                "suite", null), ZAR)).extracting(StayOption::hotelName).containsExactly("Bay Hotel");
        assertThat(StayCalculator.price(rates, StayRequest.of("Cape Town", in, out, 2, List.of(), null, null, null,
                USD), ZAR)).isEmpty();
        // three adults do not fit the suite (max 2 adults); two adults and two children exceed 1 child
        assertThat(StayCalculator.price(rates, StayRequest.of("Cape Town", in, out, 3, List.of(), null, null, null,
                null), ZAR)).extracting(StayOption::hotelName).containsExactly("Budget");
        assertThat(StayCalculator.price(rates, StayRequest.of("Cape Town", in, out, 2, List.of(4, 6), null, null,
                null, null), ZAR)).extracting(StayOption::hotelName).containsExactly("Budget");
    }

    @Test
    void differentSuppliersOrBoardsAreSeparateOptions() {
        HotelRate bb = rate("Bay Hotel", "Deluxe", BoardBasis.BB, "2026-01-01", "2026-12-31", "1000",
                RateBasis.PER_ROOM, null, ZAR);
        HotelRate hb = rate("Bay Hotel", "Deluxe", BoardBasis.HB, "2026-01-01", "2026-12-31", "1300",
                RateBasis.PER_ROOM, null, ZAR);

        assertThat(StayCalculator.price(List.of(hb, bb), stay("2026-02-01", "2026-02-02", 2), ZAR))
                .extracting(StayOption::boardBasis).containsExactly(BoardBasis.BB, BoardBasis.HB);
    }
}
