package com.zorahai.quoting.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.QuoteId;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * A quote with its current lines. State changes go through the methods below, which check the lifecycle: draft →
 * sent → accepted, declined or expired; only a draft or a sent quote changes.
 *
 * @param currentRevision 0 until the first send; then the revision the quote equals
 */
public record Quote(QuoteId id, TenantId tenantId, String number, ClientId clientId, QuoteStatus status,
        Currency currency, LocalDate travelStart, LocalDate travelEnd, int adults, List<Integer> childrenAges,
        String notes, LocalDate validUntil, BigDecimal taxRatePercent, Money subtotal, Money tax, Money total,
        int currentRevision, UUID createdBy, Instant createdAt, Instant updatedAt, Instant sentAt,
        Instant declinedAt, String declineReason, Instant expiredAt, Acceptance acceptance, List<QuoteLine> lines) {

    public Quote {
        childrenAges = childrenAges == null ? List.of() : List.copyOf(childrenAges);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * Who accepted which revision, when and from where.
     *
     * @param ip the client address of the request, proxies' {@code X-Forwarded-For} taken into account
     */
    public record Acceptance(int revision, Instant acceptedAt, String ip, String name, String email) {
    }

    /** The header fields a consultant edits. */
    public record Header(ClientId clientId, Currency currency, LocalDate travelStart, LocalDate travelEnd,
            int adults, List<Integer> childrenAges, String notes, LocalDate validUntil) {
    }

    public Header header() {
        return new Header(clientId, currency, travelStart, travelEnd, adults, childrenAges, notes, validUntil);
    }

    /** Whether the quote has been sent at least once: changes from then on are revisions. */
    public boolean wasSent() {
        return currentRevision > 0;
    }

    /** The quote with a new header and newly priced lines; a 409 problem unless it is a draft or sent. */
    public Quote edited(Header header, QuoteCalculator.Priced priced, Instant now) {
        requireOpen("changed");
        return new Quote(id, tenantId, number, header.clientId(), status, header.currency(), header.travelStart(),
                header.travelEnd(), header.adults(), header.childrenAges(), header.notes(), header.validUntil(),
                priced.taxRatePercent(), priced.subtotal(), priced.tax(), priced.total(), currentRevision,
                createdBy, createdAt, now, sentAt, declinedAt, declineReason, expiredAt, acceptance,
                priced.lines());
    }

    /** The quote at a new revision number (after a change of a sent quote, or at its first send). */
    public Quote atRevision(int revision) {
        return new Quote(id, tenantId, number, clientId, status, currency, travelStart, travelEnd, adults,
                childrenAges, notes, validUntil, taxRatePercent, subtotal, tax, total, revision, createdBy,
                createdAt, updatedAt, sentAt, declinedAt, declineReason, expiredAt, acceptance, lines);
    }

    /** The quote sent to the customer; a 409 problem unless it is a draft or sent, 422 without lines. */
    public Quote sent(Instant now) {
        requireOpen("sent");
        if (lines.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "quote-has-no-lines", "Quote has no lines",
                    "Add at least one line before sending the quote.");
        }
        return withStatus(QuoteStatus.SENT, now, now, declinedAt, declineReason, expiredAt, acceptance);
    }

    /** The customer declined; a 409 problem unless the quote is sent. */
    public Quote declined(String reason, Instant now) {
        requireSent("declined");
        return withStatus(QuoteStatus.DECLINED, now, sentAt, now, reason, expiredAt, acceptance);
    }

    /** The quote passed its validity unanswered; a 409 problem unless it is sent. */
    public Quote expired(Instant now) {
        requireSent("expired");
        return withStatus(QuoteStatus.EXPIRED, now, sentAt, declinedAt, declineReason, now, acceptance);
    }

    /** The customer accepted; a 409 problem unless the quote is sent and still at the accepted revision. */
    public Quote accepted(Acceptance acceptance) {
        requireSent("accepted");
        if (acceptance.revision() != currentRevision) {
            throw QuoteProblems.quoteChanged();
        }
        return withStatus(QuoteStatus.ACCEPTED, acceptance.acceptedAt(), sentAt, declinedAt, declineReason,
                expiredAt, acceptance);
    }

    private Quote withStatus(QuoteStatus newStatus, Instant now, Instant sent, Instant declined, String reason,
            Instant expired, Acceptance accepted) {
        return new Quote(id, tenantId, number, clientId, newStatus, currency, travelStart, travelEnd, adults,
                childrenAges, notes, validUntil, taxRatePercent, subtotal, tax, total, currentRevision, createdBy,
                createdAt, now, sent, declined, reason, expired, accepted, lines);
    }

    void requireOpen(String what) {
        if (!status.isOpen()) {
            throw QuoteProblems.notOpen(this, what);
        }
    }

    private void requireSent(String what) {
        if (status != QuoteStatus.SENT) {
            throw QuoteProblems.notOpen(this, what);
        }
    }
}
