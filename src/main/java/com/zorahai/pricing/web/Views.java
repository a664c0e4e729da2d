package com.zorahai.pricing.web;

import com.zorahai.platform.Money;
import com.zorahai.pricing.FlightOption;
import com.zorahai.pricing.FlightOptions;
import com.zorahai.pricing.FlightPrice;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.StayOption;
import com.zorahai.pricing.StayOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the pricing API (snake_case, money as a decimal amount plus an ISO 4217 code). */
final class Views {

    private Views() {
    }

    /** An amount rounded to its currency, and the ISO 4217 code. */
    record MoneyView(BigDecimal amount, String currency) {

        static MoneyView of(Money money) {
            return money == null ? null : new MoneyView(money.amount(), money.currency().getCurrencyCode());
        }
    }

    record StayOptionsView(String destination, LocalDate checkIn, LocalDate checkOut, int nights, int adults,
            List<Integer> children, String source, int totalOptions, List<StayOptionView> options) {

        static StayOptionsView of(StayOptions result, int limit) {
            var request = result.request();
            return new StayOptionsView(request.destination(), request.checkIn(), request.checkOut(),
                    request.nights(), request.adults(), request.childAges(), result.source(),
                    result.options().size(), result.options().stream().limit(limit).map(StayOptionView::of)
                            .toList());
        }
    }

    record StayOptionView(String hotelName, String hotelCode, String destination, String roomType,
            String boardBasis, String boardDescription, Integer stars, String supplier, MoneyView total,
            List<NightView> nights) {

        static StayOptionView of(StayOption option) {
            return new StayOptionView(option.hotelName(), option.hotelCode(), option.destination(),
                    option.roomType(), option.boardBasis().name(), option.boardBasis().description(),
                    option.stars(), option.supplier(), MoneyView.of(option.total()),
                    option.nights().stream().map(n -> new NightView(n.date(), n.rateId(), n.rateBasis().value(),
                            MoneyView.of(n.amount()))).toList());
        }
    }

    record NightView(LocalDate date, String rateId, String rateBasis, MoneyView amount) {
    }

    record FlightOptionsView(String origin, String destination, LocalDate depart, LocalDate returnDate,
            String source, int totalOptions, List<FlightOptionView> options) {

        static FlightOptionsView of(FlightOptions result, int limit) {
            var request = result.request();
            return new FlightOptionsView(request.origin(), request.destination(), request.depart(),
                    request.returnDate(), result.source(), result.options().size(),
                    result.options().stream().limit(limit).map(FlightOptionView::of).toList());
        }
    }

    record FlightOptionView(String priceId, String cabin, String airline, String supplier, int adults,
            int children, int infants, MoneyView fareAdult, MoneyView fareChild, MoneyView fareInfant,
            MoneyView total) {

        static FlightOptionView of(FlightOption option) {
            return new FlightOptionView(option.priceId(), option.cabin().value(), option.airline(),
                    option.supplier(), option.adults(), option.children(), option.infants(),
                    MoneyView.of(option.adultFare()), MoneyView.of(option.childFare()),
                    MoneyView.of(option.infantFare()), MoneyView.of(option.total()));
        }
    }

    record HotelRateView(String id, String hotelName, String hotelCode, String destination, String destinationKey,
            String roomType, String boardBasis, Integer stars, LocalDate validFrom, LocalDate validTo,
            BigDecimal rate, String rateBasis, Integer maxAdults, Integer maxChildren, Integer maxOccupancy,
            Integer childFreeUnder, Integer childMaxAge, BigDecimal childRate, BigDecimal childPercent,
            String currency, String supplier) {

        static HotelRateView of(HotelRate rate) {
            return new HotelRateView(rate.id(), rate.hotelName(), rate.hotelCode(), rate.destination().name(),
                    rate.destination().key(), rate.roomType(), rate.boardBasis().name(), rate.stars(),
                    rate.validFrom(), rate.validTo(), plain(rate.rate()),
                    rate.rateBasis().value(), rate.occupancy().maxAdults(), rate.occupancy().maxChildren(),
                    rate.occupancy().maxOccupancy(), rate.childPolicy().freeUnderAge(), rate.childPolicy().maxAge(),
                    plain(rate.childPolicy().rate()), plain(rate.childPolicy().percent()),
                    rate.currency().getCurrencyCode(), rate.supplier());
        }
    }

    record FlightPriceView(String id, String origin, String destination, LocalDate departFrom, LocalDate departTo,
            LocalDate returnFrom, LocalDate returnTo, String cabin, BigDecimal fareAdult, BigDecimal fareChild,
            BigDecimal fareInfant, String currency, String airline, String supplier) {

        static FlightPriceView of(FlightPrice price) {
            return new FlightPriceView(price.id(), price.origin(), price.destination(), price.departFrom(),
                    price.departTo(), price.returnFrom(), price.returnTo(), price.cabin().value(),
                    plain(price.fareAdult()), plain(price.fareChild()), plain(price.fareInfant()),
                    price.currency().getCurrencyCode(), price.airline(), price.supplier());
        }
    }

    /** A stored amount without the padding of numeric(14, 4): 1250.0000 is 1250, 99.5000 is 99.5. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
