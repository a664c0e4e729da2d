package com.zorahai.quoting;

import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.internal.Quote;
import com.zorahai.quoting.internal.QuoteInput;
import com.zorahai.quoting.internal.QuoteRecords;
import com.zorahai.quoting.internal.StayQuotes;
import com.zorahai.quoting.internal.StayQuotes.StayQuoteRequest;
import com.zorahai.quoting.internal.StayQuotes.StayQuotesResult;
import com.zorahai.tenancy.TenantId;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes as other modules see them.
 */
@Service
public class Quotes {

    private static final Logger log = LoggerFactory.getLogger(Quotes.class);

    /** Problems of pricing that leave an empty draft rather than fail: the request simply finds no price. */
    private static final Set<String> UNPRICEABLE = Set.of("no-rate-for-stay", "exchange-rate-missing",
            "validation-failed");
    private static final int MAX_NOTES = 5000;
    private static final int MAX_PEOPLE = 50;
    private static final int MAX_CHILDREN = 20;

    private final QuoteRecords records;
    private final StayQuotes stayQuotes;
    private final Clients clients;

    Quotes(QuoteRecords records, StayQuotes stayQuotes, Clients clients) {
        this.records = records;
        this.stayQuotes = stayQuotes;
        this.clients = clients;
    }

    /**
     * The accepted revision of the quote, when the quote exists for this tenant and has been accepted: its lines as
     * sold (quote currency), subtotal, tax and total exactly as the customer accepted them.
     */
    public Optional<AcceptedQuote> accepted(TenantId tenant, QuoteId quote) {
        return records.accepted(tenant, quote);
    }

    /** The tenant's quote with this number ({@code Q-000123}, any case); empty when the tenant has none. */
    public Optional<QuoteSummary> findByNumber(TenantId tenant, String number) {
        if (tenant == null || number == null || number.isBlank() || number.length() > 32) {
            return Optional.empty();
        }
        return records.findByNumber(tenant, number.trim().toUpperCase(Locale.ROOT)).map(Quotes::summary);
    }

    /**
     * Makes a draft quote for the client from a travel request. A request that describes a stay is priced exactly as
     * {@code POST /api/v1/quotes:price} with {@code create: true} does: the cheapest alternative within the budget
     * becomes the draft's hotel line (the cheapest of all, noted as over budget, when none is within it). A request
     * that cannot be priced (no matching rates, no exchange rate, missing dates) becomes an empty draft with the
     * request and the reason in its notes: never an error for content reasons.
     *
     * @throws ProblemException 400 naming {@code client_id} when the client is not a live client of the tenant
     */
    @Transactional
    public DraftQuote draftFromRequest(TenantId tenant, TravelRequestDraft request) {
        if (request == null || request.clientId() == null
                || clients.find(tenant, request.clientId()).filter(ClientView::isLive).isEmpty()) {
            throw ProblemException.invalidField("client_id", "is not a client of this tenant");
        }
        String reason;
        if (request.describesStay()) {
            try {
                return priced(tenant, request, null, request.notes(), null);
            } catch (ProblemException ex) {
                if ("no-alternative-within-budget".equals(ex.type())) {
                    String note = "Every alternative costs more than the budget of " + request.budget()
                            + "; the cheapest is drafted.";
                    return priced(tenant, request, 0, join(request.notes(), note), note);
                }
                if (!UNPRICEABLE.contains(ex.type())) {
                    throw ex;
                }
                reason = "Not priced: " + ex.detail();
            }
        } else {
            reason = "Not priced: the request gives no " + missing(request) + ".";
        }
        return empty(tenant, request, reason);
    }

    private DraftQuote priced(TenantId tenant, TravelRequestDraft request, Integer choose, String notes,
            String pricingNote) {
        StayQuotesResult result = stayQuotes.price(tenant, null, new StayQuoteRequest(request.destination(),
                request.checkIn(), request.checkOut(), request.adults(), request.childrenAges(), request.budget(),
                request.board(), request.stars(), null, null, request.clientId().toString(), true, choose,
                truncate(notes)));
        Quote quote = result.quote();
        log.info("Draft quote {} priced from a travel request", quote.id());
        return new DraftQuote(quote.id(), quote.number(), true, quote.total(), pricingNote);
    }

    private DraftQuote empty(TenantId tenant, TravelRequestDraft request, String reason) {
        LocalDate start = request.checkIn();
        LocalDate end = request.checkOut();
        if (start != null && end != null && end.isBefore(start)) {
            end = null;
        }
        Integer adults = request.adults() != null && request.adults() >= 1 && request.adults() <= MAX_PEOPLE
                ? request.adults()
                : null;
        List<Integer> ages = request.childrenAges().size() <= MAX_CHILDREN
                && request.childrenAges().stream().allMatch(a -> a >= 0 && a <= 17)
                        ? request.childrenAges()
                        : List.of();
        String notes = request.notes();
        if (request.month() != null && start == null) {
            notes = join(notes, "Travel in " + request.month().getMonth().getDisplayName(TextStyle.FULL,
                    Locale.ENGLISH) + " " + request.month().getYear() + ".");
        }
        // in the tenant's currency: the budget, if any, is in the notes
        Quote quote = records.create(tenant, null, new QuoteInput(request.clientId().toString(), null, start,
                end, adults, ages, truncate(join(notes, reason)), null, List.of(), null, null));
        log.info("Empty draft quote {} made from a travel request: not priced", quote.id());
        return new DraftQuote(quote.id(), quote.number(), false, quote.total(), reason);
    }

    private static String missing(TravelRequestDraft request) {
        if (request.destination() == null || request.destination().isBlank()) {
            return "destination";
        }
        if (request.checkIn() == null || request.checkOut() == null) {
            return "travel dates";
        }
        return "number of travellers";
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null || second.isBlank() ? first : first.strip() + "\n\n" + second;
    }

    private static String truncate(String notes) {
        return notes == null || notes.length() <= MAX_NOTES ? notes : notes.substring(0, MAX_NOTES);
    }

    private static QuoteSummary summary(Quote q) {
        return new QuoteSummary(q.id(), q.number(), q.clientId(), q.status().value(), q.travelStart(),
                q.travelEnd(), q.adults(), q.childrenAges(), q.total());
    }
}
