package com.zorahai.quoting.web;

import com.zorahai.platform.Money;
import com.zorahai.pricing.BoardBasis;
import com.zorahai.quoting.internal.LineInput;
import com.zorahai.quoting.internal.Quote;
import com.zorahai.quoting.internal.QuoteInput;
import com.zorahai.quoting.internal.QuoteLine;
import com.zorahai.quoting.internal.QuoteRecords;
import com.zorahai.quoting.internal.QuoteSnapshot;
import com.zorahai.quoting.internal.RevisionDiff;
import com.zorahai.quoting.internal.StayQuotes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON shapes of the quotes API (snake_case on the wire).
 */
final class QuoteJson {

    private QuoteJson() {
    }

    /** A new draft. */
    record CreateRequest(String clientId, String currency, LocalDate travelStart, LocalDate travelEnd,
            Integer adults, List<Integer> childrenAges, String notes, LocalDate validUntil,
            List<LineRequest> lines) {

        QuoteInput input() {
            return new QuoteInput(clientId, currency, travelStart, travelEnd, adults, childrenAges, notes,
                    validUntil, lines == null
                            ? null
                            : lines.stream().map(l -> l == null ? null : l.input())
                                    .toList(),
                    null, null);
        }
    }

    /** A change of the header: fields left out stay; {@code reason} is required once the quote was sent. */
    record PatchRequest(String clientId, String currency, LocalDate travelStart, LocalDate travelEnd,
            Integer adults, List<Integer> childrenAges, String notes, LocalDate validUntil, String reason) {

        QuoteInput input(Set<String> present) {
            return new QuoteInput(clientId, currency, travelStart, travelEnd, adults, childrenAges, notes,
                    validUntil, null, reason, present);
        }
    }

    /** The new lines of a quote. */
    record LinesRequest(List<LineRequest> lines, String reason) {

        List<LineInput> inputs() {
            return lines == null ? null : lines.stream().map(l -> l == null ? null : l.input()).toList();
        }
    }

    /**
     * A line: {@code unit_cost} in {@code currency} (the quote's when left out), priced by one of
     * {@code markup_percent}, {@code margin_percent} or {@code unit_price}.
     */
    record LineRequest(String id, String type, String description, BigDecimal quantity, BigDecimal unitCost,
            String currency, BigDecimal markupPercent, BigDecimal marginPercent, BigDecimal unitPrice,
            Boolean taxable) {

        LineInput input() {
            return new LineInput(id, type, description, quantity, unitCost, currency, markupPercent,
                    marginPercent, unitPrice, taxable);
        }
    }

    record SendRequest(String to, String message) {
    }

    record DeclineRequest(String reason) {
    }

    /** A travel request to price into alternatives, and optionally a draft. */
    record PriceRequest(String destination, LocalDate checkIn, LocalDate checkOut, Integer adults,
            List<Integer> childrenAges, Money budget, String board, Integer stars, String roomType, String currency,
            String clientId, Boolean create, Integer choose, String notes) {

        StayQuotes.StayQuoteRequest request() {
            return new StayQuotes.StayQuoteRequest(destination, checkIn, checkOut, adults, childrenAges, budget,
                    board, stars, roomType, currency, clientId, create, choose, notes);
        }
    }

    record LineResponse(UUID id, String type, String description, BigDecimal quantity, MoneyJson unitCost,
            BigDecimal markupPercent, BigDecimal marginPercent, BigDecimal unitSell, BigDecimal exchangeRate,
            MoneyJson unitPrice, MoneyJson total, boolean taxable) {

        static LineResponse of(QuoteLine line) {
            return new LineResponse(line.id(), line.type().value(), line.description(), line.quantity(),
                    MoneyJson.of(line.unitCost()), line.markupPercent(), line.marginPercent(), line.unitSell(),
                    line.exchangeRate(), MoneyJson.of(line.unitPrice()), MoneyJson.of(line.total()), line.taxable());
        }

        static List<LineResponse> of(List<QuoteLine> lines) {
            return lines.stream().map(LineResponse::of).toList();
        }
    }

    record AcceptanceResponse(int revision, Instant acceptedAt, String name, String email, String ip) {

        static AcceptanceResponse of(Quote.Acceptance acceptance) {
            return acceptance == null
                    ? null
                    : new AcceptanceResponse(acceptance.revision(), acceptance.acceptedAt(), acceptance.name(),
                            acceptance.email(), acceptance.ip());
        }
    }

    /**
     * A quote.
     *
     * @param revision 0 while never sent; then the revision the quote is at
     */
    record QuoteResponse(String id, String number, String status, String clientId, String currency,
            LocalDate travelStart, LocalDate travelEnd, int adults, List<Integer> childrenAges, String notes,
            LocalDate validUntil, int revision, List<LineResponse> lines, BigDecimal taxRatePercent, MoneyJson subtotal,
            MoneyJson tax, MoneyJson total, UUID createdBy, Instant createdAt, Instant updatedAt, Instant sentAt,
            Instant declinedAt, String declineReason, Instant expiredAt, AcceptanceResponse acceptance) {

        static QuoteResponse of(Quote q) {
            return new QuoteResponse(q.id().toString(), q.number(), q.status().value(), q.clientId().toString(),
                    q.currency().getCurrencyCode(), q.travelStart(), q.travelEnd(), q.adults(), q.childrenAges(),
                    q.notes(), q.validUntil(), q.currentRevision(), LineResponse.of(q.lines()), q.taxRatePercent(),
                    MoneyJson.of(q.subtotal()), MoneyJson.of(q.tax()), MoneyJson.of(q.total()), q.createdBy(),
                    q.createdAt(), q.updatedAt(), q.sentAt(),
                    q.declinedAt(), q.declineReason(), q.expiredAt(), AcceptanceResponse.of(q.acceptance()));
        }
    }

    record PageResponse(List<QuoteResponse> items, int page, int size, long total) {

        static PageResponse of(QuoteRecords.QuotePage page) {
            return new PageResponse(page.items().stream().map(QuoteResponse::of).toList(), page.page(),
                    page.size(), page.total());
        }
    }

    /** A quote as it was at a revision. */
    record SnapshotResponse(String number, String clientId, String currency, LocalDate travelStart,
            LocalDate travelEnd, int adults, List<Integer> childrenAges, String notes, LocalDate validUntil,
            List<LineResponse> lines, BigDecimal taxRatePercent, MoneyJson subtotal, MoneyJson tax, MoneyJson total) {

        static SnapshotResponse of(QuoteSnapshot s) {
            return new SnapshotResponse(s.number(), s.clientId().toString(), s.currency().getCurrencyCode(),
                    s.travelStart(), s.travelEnd(), s.adults(), s.childrenAges(), s.notes(), s.validUntil(),
                    LineResponse.of(s.lines()), s.taxRatePercent(), MoneyJson.of(s.subtotal()), MoneyJson.of(s.tax()),
                    MoneyJson.of(s.total()));
        }
    }

    /** A revision in the list: who made it, when, why, and the total it came to. */
    record RevisionSummary(int revision, String reason, UUID authorId, String authorEmail, Instant createdAt,
            MoneyJson total) {

        static RevisionSummary of(QuoteRecords.Revision r) {
            return new RevisionSummary(r.revision(), r.reason(), r.authorId(), r.authorEmail(), r.createdAt(),
                    MoneyJson.of(r.snapshot().total()));
        }
    }

    record RevisionResponse(int revision, String reason, UUID authorId, String authorEmail, Instant createdAt,
            SnapshotResponse quote) {

        static RevisionResponse of(QuoteRecords.Revision r) {
            return new RevisionResponse(r.revision(), r.reason(), r.authorId(), r.authorEmail(), r.createdAt(),
                    SnapshotResponse.of(r.snapshot()));
        }
    }

    record RevisionsResponse(List<RevisionSummary> items) {
    }

    record DiffResponse(int from, int to, List<FieldChangeResponse> fields, List<LineChangeResponse> lines) {

        static DiffResponse of(RevisionDiff diff) {
            return new DiffResponse(diff.from(), diff.to(), FieldChangeResponse.of(diff.fields()),
                    diff.lines().stream().map(l -> new LineChangeResponse(l.lineId(), l.change(), l.description(),
                            FieldChangeResponse.of(l.fields()))).toList());
        }
    }

    /** One field's value before and after; amounts as {@code {amount, currency}}. */
    record FieldChangeResponse(String field, Object from, Object to) {

        static List<FieldChangeResponse> of(List<RevisionDiff.FieldChange> changes) {
            return changes.stream().map(c -> new FieldChangeResponse(c.field(), value(c.from()), value(c.to())))
                    .toList();
        }

        private static Object value(Object value) {
            return value instanceof Money money ? MoneyJson.of(money) : value;
        }
    }

    record LineChangeResponse(UUID lineId, String change, String description, List<FieldChangeResponse> fields) {
    }

    /** An amount and its ISO 4217 currency. */
    record MoneyJson(BigDecimal amount, String currency) {

        static MoneyJson of(Money money) {
            return money == null ? null : new MoneyJson(money.amount(), money.currency().getCurrencyCode());
        }
    }

    record AlternativeResponse(int index, String hotelName, String hotelCode, String roomType, BoardBasis boardBasis,
            Integer stars, String supplier, int nights, MoneyJson cost, LineResponse line, MoneyJson subtotal,
            MoneyJson tax,
            MoneyJson total, boolean withinBudget) {

        static AlternativeResponse of(StayQuotes.Alternative a) {
            return new AlternativeResponse(a.index(), a.hotelName(), a.hotelCode(), a.roomType(), a.board(),
                    a.stars(), a.supplier(), a.nights(), MoneyJson.of(a.cost()), LineResponse.of(a.line()),
                    MoneyJson.of(a.subtotal()), MoneyJson.of(a.tax()), MoneyJson.of(a.total()), a.withinBudget());
        }
    }

    /** The alternatives, cheapest first; {@code quote} is the created draft when one was asked for. */
    record PriceResponse(String currency, MoneyJson budget, List<AlternativeResponse> alternatives,
            QuoteResponse quote) {

        static PriceResponse of(StayQuotes.StayQuotesResult result) {
            return new PriceResponse(result.currency().getCurrencyCode(), MoneyJson.of(result.budget()),
                    result.alternatives().stream().map(AlternativeResponse::of).toList(),
                    result.quote() == null ? null : QuoteResponse.of(result.quote()));
        }
    }

    /** The accept request of the public page. */
    record AcceptRequest(String token, String name, String email) {
    }

    /** What the public accept page shows: the revision that was sent, without costs or markups. */
    record PublicQuote(String tenantName, String clientName, String number, int revision, String currency,
            LocalDate travelStart, LocalDate travelEnd, int adults, List<Integer> childrenAges, String notes,
            LocalDate validUntil, List<PublicLine> lines, BigDecimal taxRatePercent, MoneyJson subtotal, MoneyJson tax,
            MoneyJson total, Instant linkExpiresAt) {

        static PublicQuote of(QuoteRecords.AcceptView view) {
            QuoteSnapshot s = view.quote();
            return new PublicQuote(view.tenantName(), view.clientName(), s.number(), s.revision(),
                    s.currency().getCurrencyCode(), s.travelStart(), s.travelEnd(), s.adults(), s.childrenAges(),
                    s.notes(), s.validUntil(), s.lines().stream().map(PublicLine::of).toList(), s.taxRatePercent(),
                    MoneyJson.of(s.subtotal()), MoneyJson.of(s.tax()), MoneyJson.of(s.total()), view.expiresAt());
        }
    }

    record PublicLine(String type, String description, BigDecimal quantity, MoneyJson unitPrice, MoneyJson total) {

        static PublicLine of(QuoteLine line) {
            return new PublicLine(line.type().value(), line.description(), line.quantity(),
                    MoneyJson.of(line.unitPrice()), MoneyJson.of(line.total()));
        }
    }

    /** The answer to an acceptance. */
    record AcceptedResponse(String number, int revision, String status, Instant acceptedAt, String name) {

        static AcceptedResponse of(Quote quote) {
            return new AcceptedResponse(quote.number(), quote.acceptance().revision(), quote.status().value(),
                    quote.acceptance().acceptedAt(), quote.acceptance().name());
        }
    }
}
