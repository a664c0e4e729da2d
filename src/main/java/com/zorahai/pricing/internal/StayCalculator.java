package com.zorahai.pricing.internal;

import com.zorahai.platform.Money;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.RateBasis;
import com.zorahai.pricing.StayOption;
import com.zorahai.pricing.StayRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prices a stay from candidate rates. Rates of the same product (hotel, room type, board, currency, supplier) are
 * the seasons of one offer; each night takes the cheapest of them valid that night, so a stay across a season change
 * is priced night by night. A product missing a rate for any night gives no option.
 */
public final class StayCalculator {

    private StayCalculator() {
    }

    /** The options for the request, cheapest first; {@code preferred} currency's options come before others. */
    public static List<StayOption> price(List<HotelRate> candidates, StayRequest request, Currency preferred) {
        int adults = request.adults();
        List<Integer> ages = request.childAges();
        Map<String, List<HotelRate>> products = new LinkedHashMap<>();
        for (HotelRate rate : candidates) {
            if (matches(rate, request) && rate.occupancy().fits(adults, ages.size())) {
                products.computeIfAbsent(rate.productKey(), k -> new ArrayList<>()).add(rate);
            }
        }
        List<LocalDate> nights = request.nightDates();
        List<StayOption> options = new ArrayList<>();
        for (List<HotelRate> seasons : products.values()) {
            StayOption option = priceProduct(seasons, nights, adults, ages);
            if (option != null) {
                options.add(option);
            }
        }
        options.sort(order(preferred));
        return options;
    }

    /** What one night costs at this rate for the party, unrounded. */
    public static Money nightCost(HotelRate rate, int adults, List<Integer> childAges) {
        Money full = Money.of(rate.rate(), rate.currency());
        boolean perPerson = rate.rateBasis() == RateBasis.PER_PERSON;
        Money night = perPerson ? full.times(adults) : full;
        for (int age : childAges) {
            night = night.plus(childCost(rate, age, full, perPerson));
        }
        return night;
    }

    private static Money childCost(HotelRate rate, int age, Money full, boolean perPerson) {
        HotelRate.ChildPolicy policy = rate.childPolicy();
        Money nothing = Money.zero(rate.currency());
        if (policy.freeUnderAge() != null && age < policy.freeUnderAge()) {
            return nothing;
        }
        if (policy.maxAge() != null && age > policy.maxAge()) {
            // pays as an adult: a person on a per-person rate, included in a per-room rate
            return perPerson ? full : nothing;
        }
        if (policy.rate() != null) {
            return Money.of(policy.rate(), rate.currency());
        }
        if (policy.percent() != null) {
            return full.percent(policy.percent());
        }
        return perPerson ? full : nothing;
    }

    private static boolean matches(HotelRate rate, StayRequest request) {
        if (request.boardBasis() != null && rate.boardBasis() != request.boardBasis()) {
            return false;
        }
        if (request.minStars() != null && (rate.stars() == null || rate.stars() < request.minStars())) {
            return false;
        }
        if (request.currency() != null && !rate.currency().equals(request.currency())) {
            return false;
        }
        return request.roomType() == null || rate.roomType().toLowerCase(Locale.ROOT)
                .contains(request.roomType().toLowerCase(Locale.ROOT));
    }

    private static StayOption priceProduct(List<HotelRate> seasons, List<LocalDate> nights, int adults,
            List<Integer> ages) {
        HotelRate first = seasons.getFirst();
        Money total = Money.zero(first.currency()).rounded();
        List<StayOption.Night> breakdown = new ArrayList<>(nights.size());
        for (LocalDate night : nights) {
            HotelRate best = null;
            Money bestCost = null;
            for (HotelRate rate : seasons) {
                if (rate.covers(night)) {
                    Money cost = nightCost(rate, adults, ages);
                    if (bestCost == null || cost.compareTo(bestCost) < 0) {
                        best = rate;
                        bestCost = cost;
                    }
                }
            }
            if (best == null) {
                return null;
            }
            Money amount = bestCost.rounded();
            breakdown.add(new StayOption.Night(night, best.id(), best.rateBasis(), amount));
            total = total.plus(amount);
        }
        return new StayOption(first.hotelName(), first.hotelCode(), first.destination().name(), first.roomType(),
                first.boardBasis(), first.stars(), first.supplier(), List.copyOf(breakdown), total);
    }

    private static Comparator<StayOption> order(Currency preferred) {
        Comparator<StayOption> byCurrency = Comparator.comparing(
                (StayOption o) -> !o.total().currency().equals(preferred))
                .thenComparing(o -> o.total().currency().getCurrencyCode());
        return byCurrency.thenComparing(o -> o.total().amount(), BigDecimal::compareTo)
                .thenComparing(StayOption::hotelName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(StayOption::roomType, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(o -> o.boardBasis().ordinal());
    }
}
