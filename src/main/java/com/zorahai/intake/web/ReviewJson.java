package com.zorahai.intake.web;

import com.zorahai.ai.Field;
import com.zorahai.ai.Span;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.intake.internal.Corrections;
import com.zorahai.intake.internal.IntakeRequest;
import com.zorahai.intake.internal.IntakeStore;
import com.zorahai.intake.internal.RequestField;
import com.zorahai.intake.internal.Reviews;
import com.zorahai.intake.internal.TravelRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of the intake API. */
final class ReviewJson {

    private ReviewJson() {
    }

    /** A request in a list. */
    record Summary(UUID id, String status, String outcome, String classification, String engine, String subject,
            String from, Instant receivedAt, String reviewReason, List<String> lowConfidence, UUID clientId,
            UUID quoteId, String quoteNumber, String replyToQuoteNumber, String ticketRef, Instant createdAt,
            Instant updatedAt) {

        static Summary of(IntakeRequest r) {
            return new Summary(r.id(), r.status().value(), r.outcome().value(),
                    r.classification().name().toLowerCase(Locale.ROOT), r.engine(), r.subject(), r.fromAddress(),
                    r.receivedAt(), r.reviewReason(), r.lowConfidence(),
                    r.clientId() == null ? null : r.clientId().value(), r.quoteId(), r.quoteNumber(),
                    r.replyToQuoteNumber(), r.ticketRef(), r.createdAt(), r.updatedAt());
        }
    }

    /** A request with its email, extraction and corrections. */
    record Detail(UUID id, String status, String outcome, String classification, String reviewReason,
            List<String> lowConfidence, double confidenceThreshold, UUID inboundEmailId, EmailView email,
            String cleanedText, ExtractionView extraction, List<CorrectionView> corrections, UUID clientId,
            UUID quoteId, String quoteNumber, UUID replyToQuoteId, String replyToQuoteNumber, String ticketRef,
            UUID reviewedBy, Instant reviewedAt, String rejectReason, Instant createdAt, Instant updatedAt) {

        static Detail of(Reviews.Review review, double threshold, JsonMapper json) {
            IntakeRequest r = review.request();
            EmailView email = review.email()
                    .map(e -> new EmailView(e.messageId(), e.from(), e.subject(), e.text(), e.receivedAt()))
                    .orElse(new EmailView(r.messageId(), r.fromAddress(), r.subject(), null, r.receivedAt()));
            return new Detail(r.id(), r.status().value(), r.outcome().value(),
                    r.classification().name().toLowerCase(Locale.ROOT), r.reviewReason(), r.lowConfidence(),
                    threshold, r.inboundEmailId(), email, review.cleanedText(), ExtractionView.of(review.extraction()),
                    review.corrections().stream().map(c -> CorrectionView.of(c, json)).toList(),
                    r.clientId() == null ? null : r.clientId().value(), r.quoteId(), r.quoteNumber(),
                    r.replyToQuoteId(), r.replyToQuoteNumber(), r.ticketRef(), r.reviewedBy(), r.reviewedAt(),
                    r.rejectReason(), r.createdAt(), r.updatedAt());
        }
    }

    /** The email a request came from. */
    record EmailView(String messageId, String from, String subject, String text, Instant receivedAt) {
    }

    /**
     * What the extractor read: each field with its value, confidence and span (offsets into {@code cleaned_text}),
     * and every destination it found.
     */
    record ExtractionView(String classification, String engine, String model, Map<String, FieldView> fields,
            List<FieldView> destinations) {

        static ExtractionView of(TravelRequestExtraction x) {
            Map<String, FieldView> fields = new LinkedHashMap<>();
            for (RequestField field : RequestField.values()) {
                fields.put(field.apiName(), FieldView.of(field, field.in(x)));
            }
            fields.put("quote_reference", FieldView.of(null, x.quoteReference()));
            return new ExtractionView(x.classification().name().toLowerCase(Locale.ROOT), x.engine(), x.model(),
                    fields, x.destinations().stream().map(d -> FieldView.of(RequestField.DESTINATION, d)).toList());
        }
    }

    /** One value, how sure the engine was (0 to 1), and where in the cleaned text it was read. */
    record FieldView(Object value, double confidence, SpanView span) {

        static FieldView of(RequestField field, Field<?> f) {
            Object value = f.isPresent()
                    ? Corrections.json(field == null ? f.value() : TravelRequest.typed(field, f.value()))
                    : null;
            Span s = f.span();
            return new FieldView(value, f.confidence(), s == null
                    ? null
                    : new SpanView(s.start(), s.end(),
                            s.text()));
        }
    }

    record SpanView(int start, int end, String text) {
    }

    /** A value a reviewer changed. */
    record CorrectionView(String field, JsonNode extractedValue, BigDecimal extractedConfidence,
            JsonNode correctedValue) {

        static CorrectionView of(IntakeStore.Correction c, JsonMapper json) {
            return new CorrectionView(c.field(), c.extractedValue() == null ? null : json.readTree(c.extractedValue()),
                    c.extractedConfidence(), c.correctedValue() == null ? null : json.readTree(c.correctedValue()));
        }
    }

    /** The body of {@code :approve}: corrected values by field name; {@code null} clears a value. */
    record ApproveRequest(Map<String, JsonNode> corrections) {
    }

    /** The body of {@code :reject}. */
    record RejectRequest(String reason) {
    }
}
