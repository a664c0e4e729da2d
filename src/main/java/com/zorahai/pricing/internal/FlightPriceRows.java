package com.zorahai.pricing.internal;

import com.zorahai.pricing.Cabin;
import com.zorahai.pricing.FlightPrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The columns of a flight price as CSV and JSON name them, and the validation of one row. */
public final class FlightPriceRows {

    public static final List<String> COLUMNS = List.of("origin", "destination", "depart_from", "depart_to",
            "return_from", "return_to", "cabin", "fare_adult", "fare_child", "fare_infant", "currency", "airline",
            "supplier");

    public static final List<String> REQUIRED = List.of("origin", "destination", "depart_from", "depart_to",
            "cabin", "fare_adult", "fare_child", "currency");

    private FlightPriceRows() {
    }

    /** A valid row with a new id, or the reasons the row is not one. */
    static RowReader.Result<FlightPrice> parse(Map<String, String> row) {
        RowReader in = new RowReader(row);
        String origin = airport(in, "origin");
        String destination = airport(in, "destination");
        if (origin != null && origin.equals(destination)) {
            in.reject("destination", "must differ from origin");
        }
        LocalDate departFrom = in.date("depart_from", true);
        LocalDate departTo = in.date("depart_to", true);
        if (departFrom != null && departTo != null && departTo.isBefore(departFrom)) {
            in.reject("depart_to", "must not be before depart_from");
        }
        LocalDate returnFrom = in.date("return_from", false);
        LocalDate returnTo = in.date("return_to", false);
        if ((in.raw("return_from") == null) != (in.raw("return_to") == null)) {
            in.reject(in.raw("return_from") == null ? "return_from" : "return_to",
                    "is required when the other return date is given");
        } else if (returnFrom != null && returnTo != null && returnTo.isBefore(returnFrom)) {
            in.reject("return_to", "must not be before return_from");
        }
        Cabin cabin = in.choice("cabin", true, Cabin::parse);
        BigDecimal adult = in.amount("fare_adult", true);
        BigDecimal child = in.amount("fare_child", true);
        BigDecimal infant = in.amount("fare_infant", false);
        Currency currency = in.currency("currency");
        String airline = in.text("airline", false, 64);
        String supplier = in.text("supplier", false, 120);
        if (!in.valid()) {
            return RowReader.Result.invalid(in.errors());
        }
        return RowReader.Result
                .valid(new FlightPrice(UUID.randomUUID().toString(), origin, destination, departFrom, departTo,
                        returnFrom, returnTo, cabin, adult, child, infant, currency, airline, supplier));
    }

    private static String airport(RowReader in, String field) {
        String value = in.raw(field);
        if (value == null) {
            in.reject(field, "is required");
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            in.reject(field, "must be a 3-letter IATA airport code");
            return null;
        }
        return code;
    }
}
