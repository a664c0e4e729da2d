package com.zorahai.quoting.internal;

import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.pricing.BoardBasis;
import com.zorahai.pricing.StayOption;
import com.zorahai.pricing.StayPricing;
import com.zorahai.pricing.StayRequest;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Priced drafts from a travel request: the stay is priced from the tenant's hotel rates ({@link StayPricing}), each
 * matching hotel becomes an alternative with one hotel line at the tenant's default markup, in the quote currency,
 * cheapest first. On request the chosen alternative (else the cheapest within budget) becomes a draft quote.
 */
@Service
public class StayQuotes {

    private final StayPricing stays;
    private final QuoteRecords records;
    private final QuotingProperties properties;

    StayQuotes(StayPricing stays, QuoteRecords records, QuotingProperties properties) {
        this.stays = stays;
        this.records = records;
        this.properties = properties;
    }

    /**
     * A travel request to price.
     *
     * @param budget the most the whole quote (tax included) should cost, in the quote currency
     * @param currency the quote currency; the budget's, else the tenant's, when null
     * @param create whether to create a draft from an alternative
     * @param choose the index of the alternative to create the draft from; the cheapest within budget when null
     */
    public record StayQuoteRequest(String destination, LocalDate checkIn, LocalDate checkOut, Integer adults,
            List<Integer> childrenAges, Money budget, String board, Integer stars, String roomType,
            String currency, String clientId, Boolean create, Integer choose, String notes) {
    }

    /**
     * One way to quote the stay.
     *
     * @param cost what the stay costs the agency, in the rate's currency
     * @param line the hotel line as it would be on the quote
     * @param withinBudget whether the total is at most the budget (true without a budget)
     */
    public record Alternative(int index, String hotelName, String hotelCode, String roomType, BoardBasis board,
            Integer stars, String supplier, int nights, Money cost, QuoteLine line, Money subtotal, Money tax,
            Money total, boolean withinBudget) {
    }

    /** The alternatives, cheapest first, and the draft created from one of them, if asked for. */
    public record StayQuotesResult(Currency currency, Money budget, List<Alternative> alternatives, Quote quote) {
    }

    public StayQuotesResult price(TenantId tenant, QuoteRecords.Author author, StayQuoteRequest request) {
        FieldErrors errors = new FieldErrors();
        boolean create = Boolean.TRUE.equals(request.create());
        List<Integer> ages = QuoteFields.childrenAges(request.childrenAges(), "children_ages", errors);
        if (create && (request.clientId() == null || request.clientId().isBlank())) {
            errors.add("client_id", "is required to create a quote");
        } else if (request.clientId() != null) {
            try {
                UUID.fromString(request.clientId().trim());
            } catch (IllegalArgumentException ex) {
                errors.add("client_id", "must be a UUID");
            }
        }
        Currency currency = request.currency() == null
                ? null
                : QuoteFields.currency(request.currency(), "currency", errors);
        Money budget = request.budget();
        if (budget != null) {
            if (budget.amount().signum() < 0) {
                errors.add("budget.amount", "must be 0 or more");
            }
            if (currency != null && !budget.currency().equals(currency)) {
                errors.add("budget.currency", "must be the quote currency, " + currency.getCurrencyCode());
            }
        }
        if (request.choose() != null && request.choose() < 0) {
            errors.add("choose", "must be 0 or more");
        }
        BoardBasis board = null;
        if (request.board() != null && !request.board().isBlank()) {
            if (!request.board().trim().toUpperCase(Locale.ROOT).matches("RO|BB|HB|FB|AI")) {
                errors.add("board", "must be one of RO, BB, HB, FB, AI");
            } else {
                board = BoardBasis.parse(request.board(), "board");
            }
        }
        errors.throwIfAny();
        StayRequest stay = StayRequest.of(request.destination(), request.checkIn(), request.checkOut(),
                request.adults(), ages, board, request.stars(), request.roomType(), null);
        if (currency == null) {
            currency = budget != null ? budget.currency() : records.defaultCurrency(tenant);
        }

        List<StayOption> options = stays.price(tenant, stay).options();
        if (options.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "no-rate-for-stay", "No rate for the stay",
                    "No hotel rate covers every night of this stay.")
                    .with("destination", stay.destination());
        }
        QuoteSettings settings = records.settings(tenant);
        List<Candidate> candidates = new ArrayList<>();
        for (StayOption option : options) {
            LineDraft draft = line(option, stay, settings.defaultMarkupPercent());
            if (settings.conversion(option.total().currency(), currency).isEmpty()) {
                continue;
            }
            candidates.add(new Candidate(option, draft,
                    QuoteCalculator.price(List.of(draft), currency, settings)));
        }
        if (candidates.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "exchange-rate-missing",
                    "Exchange rate missing", "No exchange rate converts the matching rates to "
                            + currency.getCurrencyCode() + ".");
        }
        candidates.sort(Comparator.comparing(c -> c.priced().total().amount()));
        List<Alternative> alternatives = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(candidates.size(), properties.maxAlternatives()))) {
            StayOption o = c.option();
            QuoteCalculator.Priced p = c.priced();
            alternatives.add(new Alternative(alternatives.size(), o.hotelName(), o.hotelCode(), o.roomType(),
                    o.boardBasis(), o.stars(), o.supplier(), o.nights().size(), o.total(), p.lines().getFirst(),
                    p.subtotal(), p.tax(), p.total(), budget == null || p.total().compareTo(budget) <= 0));
        }
        Quote quote = null;
        if (create) {
            quote = records.create(tenant, author, new QuoteInput(request.clientId(), currency.getCurrencyCode(),
                    stay.checkIn(), stay.checkOut(), stay.adults(), stay.childAges(), request.notes(), null,
                    List.of(lineInput(chosen(alternatives, request.choose(), candidates))), null, null));
        }
        return new StayQuotesResult(currency, budget, List.copyOf(alternatives), quote);
    }

    private record Candidate(StayOption option, LineDraft draft, QuoteCalculator.Priced priced) {
    }

    private static LineDraft chosen(List<Alternative> alternatives, Integer choose, List<Candidate> candidates) {
        if (choose != null) {
            if (choose >= alternatives.size()) {
                throw ProblemException.invalidField("choose", "must be less than " + alternatives.size());
            }
            return candidates.get(choose).draft();
        }
        for (Alternative alternative : alternatives) {
            if (alternative.withinBudget()) {
                return candidates.get(alternative.index()).draft();
            }
        }
        throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "no-alternative-within-budget",
                "No alternative within budget", "Every alternative costs more than the budget; choose one.");
    }

    private static LineInput lineInput(LineDraft draft) {
        return new LineInput(null, draft.type().value(), draft.description(), draft.quantity(), draft.unitCost(),
                draft.currency().getCurrencyCode(), draft.markupPercent(), null, null, draft.taxable());
    }

    private static LineDraft line(StayOption option, StayRequest stay, BigDecimal markup) {
        StringBuilder description = new StringBuilder(option.hotelName());
        if (option.stars() != null) {
            description.append(" (").append(option.stars()).append(option.stars() == 1 ? " star)" : " stars)");
        }
        description.append(", ").append(option.roomType()).append(", ").append(option.boardBasis().description())
                .append(", ").append(stay.nights()).append(stay.nights() == 1 ? " night " : " nights ")
                .append(stay.checkIn()).append(" to ").append(stay.checkOut());
        String text = description.length() > QuoteFields.MAX_DESCRIPTION
                ? description.substring(0, QuoteFields.MAX_DESCRIPTION)
                : description.toString();
        return new LineDraft(null, LineType.HOTEL, text, BigDecimal.ONE, option.total().amount(),
                option.total().currency(), markup, null, null, true);
    }
}
