package com.zorahai.intake.internal;

import com.zorahai.ai.Classification;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code intake_requests}: one inbound email, what it was read as and what was done with it.
 *
 * @param extraction the {@code TravelRequestExtraction} as stored JSON (see {@link ExtractionCodec})
 * @param lowConfidence the fields that kept the request from being confident when it arrived
 * @param replyToQuoteId the quote a reply answered
 */
public record IntakeRequest(UUID id, TenantId tenantId, UUID inboundEmailId, String messageId, String fromAddress,
        String subject, Instant receivedAt, Classification classification, String engine, String model,
        String extraction, List<String> lowConfidence, IntakeStatus status, Outcome outcome, String reviewReason,
        ClientId clientId, UUID quoteId, String quoteNumber, UUID replyToQuoteId, String replyToQuoteNumber,
        String ticketRef, UUID reviewedBy, Instant reviewedAt, String rejectReason, Instant createdAt,
        Instant updatedAt) {

    public IntakeRequest {
        lowConfidence = lowConfidence == null ? List.of() : List.copyOf(lowConfidence);
    }

    /** The same request, handled: its status, outcome, reason and links. */
    public IntakeRequest handled(IntakeStatus newStatus, Outcome newOutcome, String reason, ClientId client,
            UUID quote, String number, Instant now) {
        return new IntakeRequest(id, tenantId, inboundEmailId, messageId, fromAddress, subject, receivedAt,
                classification, engine, model, extraction, lowConfidence, newStatus, newOutcome, reason, client,
                quote, number, replyToQuoteId, replyToQuoteNumber, ticketRef, reviewedBy, reviewedAt, rejectReason,
                createdAt, now);
    }

    /** The same request as an answer to this quote. */
    public IntakeRequest replyingTo(UUID quote, String number) {
        return new IntakeRequest(id, tenantId, inboundEmailId, messageId, fromAddress, subject, receivedAt,
                classification, engine, model, extraction, lowConfidence, status, outcome, reviewReason, clientId,
                quoteId, quoteNumber, quote, number, ticketRef, reviewedBy, reviewedAt, rejectReason, createdAt,
                updatedAt);
    }

    /** The same request after a reviewer's decision. */
    public IntakeRequest reviewed(IntakeStatus newStatus, UUID reviewer, String reason, Instant now) {
        return new IntakeRequest(id, tenantId, inboundEmailId, messageId, fromAddress, subject, receivedAt,
                classification, engine, model, extraction, lowConfidence, newStatus, outcome, reviewReason,
                clientId, quoteId, quoteNumber, replyToQuoteId, replyToQuoteNumber, ticketRef, reviewer, now, reason,
                createdAt, now);
    }

    public boolean inReview() {
        return status == IntakeStatus.NEEDS_REVIEW;
    }
}
