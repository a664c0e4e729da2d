package com.zorahai.quoting;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A travel request to turn into a draft quote for a client, as read from an inbound message. Every field but the
 * client may be missing; what is given is priced when it describes a stay.
 *
 * @param month the travel month when no dates are known; goes into the notes
 * @param adults the number of adults; 1 when unknown
 * @param budget the most the whole trip should cost (all travellers), tax included
 * @param board {@code RO}, {@code BB}, {@code HB}, {@code FB} or {@code AI}
 * @param stars the fewest stars the hotel should have
 * @param notes what the request said, for the consultant; the quote's notes
 */
public record TravelRequestDraft(ClientId clientId, String destination, LocalDate checkIn, LocalDate checkOut,
        YearMonth month, Integer adults, List<Integer> childrenAges, Money budget, String board, Integer stars,
        String notes) {

    public TravelRequestDraft {
        childrenAges = childrenAges == null ? List.of() : childrenAges.stream().filter(a -> a != null).toList();
    }

    /** Whether the request names a stay that can be priced: where, both dates and who. */
    public boolean describesStay() {
        return destination != null && !destination.isBlank() && checkIn != null && checkOut != null
                && adults != null;
    }
}
