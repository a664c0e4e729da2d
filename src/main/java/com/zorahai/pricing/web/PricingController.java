package com.zorahai.pricing.web;

import com.zorahai.platform.ProblemException;
import com.zorahai.pricing.BoardBasis;
import com.zorahai.pricing.Cabin;
import com.zorahai.pricing.FlightPricing;
import com.zorahai.pricing.FlightRequest;
import com.zorahai.pricing.StayPricing;
import com.zorahai.pricing.StayRequest;
import com.zorahai.tenancy.CurrentTenant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Prices stays and flights from the tenant's rates. */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
@RequestMapping("/api/v1/pricing")
class PricingController {

    /** The most options one lookup returns; {@code total_options} tells how many there were. */
    static final int MAX_LIMIT = 100;

    private final StayPricing stays;
    private final FlightPricing flights;
    private final CurrentTenant currentTenant;

    PricingController(StayPricing stays, FlightPricing flights, CurrentTenant currentTenant) {
        this.stays = stays;
        this.flights = flights;
        this.currentTenant = currentTenant;
    }

    /**
     * The cheapest options for a stay, night by night. {@code children} lists ages ({@code 5,9}); {@code stars} is a
     * minimum; {@code room_type} matches part of the name; {@code currency} keeps only rates in that currency;
     * {@code limit} caps the options returned (20, at most 100).
     */
    @GetMapping("/stays")
    Views.StayOptionsView stays(@RequestParam(required = false) String destination,
            @RequestParam(name = "check_in", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkIn,
            @RequestParam(name = "check_out", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkOut,
            @RequestParam(required = false) Integer adults,
            @RequestParam(required = false) List<Integer> children,
            @RequestParam(required = false) String board,
            @RequestParam(required = false) Integer stars,
            @RequestParam(name = "room_type", required = false) String roomType,
            @RequestParam(required = false) String currency,
            @RequestParam(defaultValue = "20") int limit) {
        checkLimit(limit);
        StayRequest request = StayRequest.of(destination, checkIn, checkOut, adults, children,
                blank(board) ? null : BoardBasis.parse(board, "board"), stars, roomType, currency(currency));
        return Views.StayOptionsView.of(stays.price(currentTenant.require(), request), limit);
    }

    /** Fares for a flight; without {@code return} one-way fares, with it return fares. */
    @GetMapping("/flights")
    Views.FlightOptionsView flights(@RequestParam(required = false) String origin,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate depart,
            @RequestParam(name = "return", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnDate,
            @RequestParam(required = false) Integer adults,
            @RequestParam(required = false) List<Integer> children,
            @RequestParam(required = false) String cabin,
            @RequestParam(required = false) String currency,
            @RequestParam(defaultValue = "20") int limit) {
        checkLimit(limit);
        FlightRequest request = FlightRequest.of(origin, destination, depart, returnDate, adults, children,
                blank(cabin) ? null : Cabin.parse(cabin, "cabin"), currency(currency));
        return Views.FlightOptionsView.of(flights.price(currentTenant.require(), request), limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Currency currency(String code) {
        if (blank(code)) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (upper.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(upper);
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw ProblemException.invalidField("currency", "must be an ISO 4217 currency code such as ZAR or USD");
    }
}
