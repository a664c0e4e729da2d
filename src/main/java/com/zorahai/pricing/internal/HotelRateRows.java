package com.zorahai.pricing.internal;

import com.zorahai.pricing.BoardBasis;
import com.zorahai.pricing.Destination;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.RateBasis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The columns of a hotel rate as CSV and JSON name them, and the validation of one row into a {@link HotelRate}. */
public final class HotelRateRows {

    /** Every known column, in the order exports write them. */
    public static final List<String> COLUMNS = List.of("hotel_name", "hotel_code", "destination", "room_type",
            "board_basis", "stars", "valid_from", "valid_to", "rate", "rate_basis", "max_adults", "max_children",
            "max_occupancy", "child_free_under", "child_max_age", "child_rate", "child_percent", "currency",
            "supplier");

    /** Columns a file must have. */
    public static final List<String> REQUIRED = List.of("hotel_name", "destination", "room_type", "board_basis",
            "valid_from", "valid_to", "rate", "rate_basis", "currency");

    private HotelRateRows() {
    }

    /** A valid row with a new id, or the reasons the row is not one. */
    static RowReader.Result<HotelRate> parse(Map<String, String> row) {
        RowReader in = new RowReader(row);
        String hotelName = in.text("hotel_name", true, 200);
        String hotelCode = in.text("hotel_code", false, 64);
        Destination destination = in.check("destination", Destination::of);
        String roomType = in.text("room_type", true, 120);
        BoardBasis board = in.choice("board_basis", true, BoardBasis::parse);
        Integer stars = in.integer("stars", 1, 5);
        LocalDate from = in.date("valid_from", true);
        LocalDate to = in.date("valid_to", true);
        if (from != null && to != null && to.isBefore(from)) {
            in.reject("valid_to", "must not be before valid_from");
        }
        BigDecimal rate = in.amount("rate", true);
        RateBasis basis = in.choice("rate_basis", true, RateBasis::parse);
        Integer maxAdults = in.integer("max_adults", 1, 50);
        Integer maxChildren = in.integer("max_children", 0, 50);
        Integer maxOccupancy = in.integer("max_occupancy", 1, 100);
        Integer freeUnder = in.integer("child_free_under", 0, 18);
        Integer childMaxAge = in.integer("child_max_age", 0, 17);
        BigDecimal childRate = in.amount("child_rate", false);
        BigDecimal childPercent = in.percent("child_percent");
        Currency currency = in.currency("currency");
        String supplier = in.text("supplier", false, 120);
        if (!in.valid()) {
            return RowReader.Result.invalid(in.errors());
        }
        return RowReader.Result.valid(new HotelRate(UUID.randomUUID().toString(), hotelName, hotelCode, destination,
                roomType,
                board, stars, from, to, rate, basis, new HotelRate.Occupancy(maxAdults, maxChildren, maxOccupancy),
                new HotelRate.ChildPolicy(freeUnder, childMaxAge, childRate, childPercent), currency, supplier));
    }
}
