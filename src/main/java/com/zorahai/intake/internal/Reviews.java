package com.zorahai.intake.internal;

import com.zorahai.ai.EmailText;
import com.zorahai.ai.Field;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.ai.TravelRequestExtractor;
import com.zorahai.email.InboundEmail;
import com.zorahai.email.InboundEmails;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.QuoteSummary;
import com.zorahai.quoting.Quotes;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue: requests intake would not act on alone, approved with corrections (then acted on exactly as a
 * confident request is, with the corrected values) or rejected. Each correction is kept with the value it replaced,
 * which measures the parser field by field.
 */
@Service
public class Reviews {

    private static final Set<String> ENGINES = Set.of("openai", "rules");

    private final IntakeStore store;
    private final ExtractionCodec codec;
    private final InboundEmails inboundEmails;
    private final TravelRequestExtractor extractor;
    private final RequestActions actions;
    private final Quotes quotes;
    private final IntakeProperties properties;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    Reviews(IntakeStore store, ExtractionCodec codec, InboundEmails inboundEmails, TravelRequestExtractor extractor,
            RequestActions actions, Quotes quotes, IntakeProperties properties, JsonMapper json,
            ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.codec = codec;
        this.inboundEmails = inboundEmails;
        this.extractor = extractor;
        this.actions = actions;
        this.quotes = quotes;
        this.properties = properties;
        this.json = json;
    }

    /**
     * A request with everything a reviewer looks at.
     *
     * @param email the inbound email, when it is still stored
     * @param cleanedText the text the extraction's spans point into
     */
    public record Review(IntakeRequest request, TravelRequestExtraction extraction, Optional<InboundEmail> email,
            String cleanedText, List<IntakeStore.Correction> corrections) {
    }

    /** How often each field was corrected, per approved request. */
    public record Stats(String engine, double confidenceThreshold, List<String> requiredFields, long requests,
            Map<String, Long> byStatus, Map<String, Long> byOutcome, Map<String, Long> byEngine, long reviewed,
            List<FieldRate> fields) {
    }

    /**
     * @param rate corrections per approved request, 0 to 1 (4 decimals); null before any approval
     */
    public record FieldRate(String field, long corrections, BigDecimal rate) {
    }

    /**
     * The tenant's requests in one status ({@code needs_review} unless told; {@code all} for every status), oldest
     * first unless {@code sort} is {@code created_at,desc}.
     */
    @Transactional(readOnly = true)
    public Page<IntakeRequest> list(TenantId tenant, String status, Integer page, Integer size, String sort) {
        FieldErrors errors = new FieldErrors();
        IntakeStatus wanted = IntakeStatus.NEEDS_REVIEW;
        if (status != null && !status.isBlank()) {
            String value = status.strip().toLowerCase(Locale.ROOT);
            wanted = value.equals("all") ? null : IntakeStatus.find(value).orElse(null);
            if (wanted == null && !value.equals("all")) {
                errors.add("status", "must be one of needs_review, processed, approved, rejected, ignored, all");
            }
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? Math.min(20, properties.maxPageSize()) : size;
        if (pageNumber < 0) {
            errors.add("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > properties.maxPageSize()) {
            errors.add("size", "must be between 1 and " + properties.maxPageSize());
        }
        boolean newestFirst = false;
        if (sort != null && !sort.isBlank()) {
            String value = sort.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
            if (value.equals("created_at,desc")) {
                newestFirst = true;
            } else if (!value.equals("created_at") && !value.equals("created_at,asc")) {
                errors.add("sort", "must be created_at, optionally followed by ,asc or ,desc");
            }
        }
        errors.throwIfAny();
        List<IntakeRequest> items = store.list(tenant, wanted, newestFirst, (long) pageNumber * pageSize, pageSize);
        return new Page<>(items, pageNumber, pageSize, store.count(tenant, wanted));
    }

    /** One request with its email and extraction; 404 when the tenant has no such request. */
    @Transactional(readOnly = true)
    public Review get(TenantId tenant, UUID id) {
        return review(store.find(tenant, id).orElseThrow(() -> notFound(id)));
    }

    /**
     * Approves a request in the queue with the reviewer's corrections ({@code field → value}) and acts on it: the
     * client is upserted and a draft quote priced with the corrected values, the timeline gets the entry and the
     * consultant the email. Every correction that changes a value is kept. A support request (in the queue because
     * it could not be handed on) takes no corrections: approving it announces it for a ticket again.
     *
     * @throws ProblemException 404 for an unknown request, 409 {@code review-closed} when it is not in the queue,
     *         400 naming {@code corrections.<field>} for an invalid or missing value
     */
    @Transactional
    public Review approve(TenantId tenant, UUID id, Map<String, JsonNode> corrections, UUID reviewer) {
        IntakeRequest request = store.lock(tenant, id).orElseThrow(() -> notFound(id));
        requireOpen(request);
        if (request.outcome() == Outcome.SUPPORT) {
            return approveSupport(tenant, request, corrections, reviewer);
        }
        Map<RequestField, Object> fixes = Corrections.read(corrections);
        TravelRequestExtraction x = codec.read(request.extraction());
        TravelRequest values = TravelRequest.of(x, TravelRequest.Sender.parse(request.fromAddress()));
        for (var fix : fixes.entrySet()) {
            values = values.with(fix.getKey(), fix.getValue());
        }
        if (request.replyToQuoteNumber() != null) {
            values = asBefore(tenant, request, values);
        }
        check(request, values);
        RequestActions.Drafted drafted;
        try {
            drafted = actions.draft(request, values, true, true);
        } catch (ProblemException ex) {
            throw crmProblem(ex);
        }
        Instant now = Instant.now();
        for (var fix : fixes.entrySet()) {
            RequestField field = fix.getKey();
            Field<?> extracted = field.in(x);
            String before = write(extracted.isPresent() ? TravelRequest.typed(field, extracted.value()) : null);
            String after = write(fix.getValue());
            if (!Objects.equals(before, after)) {
                store.insertCorrection(request, field.apiName(), before, extracted.confidence(), after, reviewer,
                        now);
            }
        }
        IntakeRequest approved = request.handled(IntakeStatus.APPROVED, request.outcome(), request.reviewReason(),
                drafted.clientId(), drafted.quote().id().value(), drafted.quote().number(), now)
                .reviewed(IntakeStatus.APPROVED, reviewer, null, now);
        store.update(approved);
        return review(approved);
    }

    /**
     * Takes a request out of the queue without acting on it.
     *
     * @throws ProblemException 404, 409 {@code review-closed}, 400 naming {@code reason} when it is too long
     */
    @Transactional
    public Review reject(TenantId tenant, UUID id, String reason, UUID reviewer) {
        IntakeRequest request = store.lock(tenant, id).orElseThrow(() -> notFound(id));
        requireOpen(request);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 1000) {
            throw ProblemException.invalidField("reason", "must be at most 1000 characters");
        }
        IntakeRequest rejected = request.reviewed(IntakeStatus.REJECTED, reviewer, why, Instant.now());
        store.update(rejected);
        return review(rejected);
    }

    /** The tenant's requests by status, outcome and engine, and the correction rate of each field. */
    @Transactional(readOnly = true)
    public Stats stats(TenantId tenant, String engine) {
        String wanted = engine == null || engine.isBlank() ? null : engine.strip().toLowerCase(Locale.ROOT);
        if (wanted != null && !ENGINES.contains(wanted)) {
            throw ProblemException.invalidField("engine", "must be openai or rules");
        }
        List<IntakeStore.Count> counts = store.counts(tenant, wanted);
        Map<String, Long> byStatus = IntakeStore.sum(counts, IntakeStore.Count::status);
        long reviewed = byStatus.getOrDefault(IntakeStatus.APPROVED.value(), 0L);
        Map<String, Long> corrected = new java.util.HashMap<>();
        store.correctionCounts(tenant, wanted).forEach(c -> corrected.put(c.field(), c.corrections()));
        List<FieldRate> fields = new ArrayList<>();
        for (RequestField field : RequestField.values()) {
            long n = corrected.getOrDefault(field.apiName(), 0L);
            fields.add(new FieldRate(field.apiName(), n, reviewed == 0
                    ? null
                    : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(reviewed), 4, RoundingMode.HALF_EVEN)));
        }
        long total = counts.stream().mapToLong(IntakeStore.Count::requests).sum();
        return new Stats(wanted, properties.threshold(), properties.requiredFields(), total, byStatus,
                IntakeStore.sum(counts, IntakeStore.Count::outcome), IntakeStore.sum(counts, IntakeStore.Count::engine),
                reviewed, fields);
    }

    /**
     * A change request's values completed from what it changes: the quote's dates and party, then the request the
     * quote was drafted from (destination, board, stars, budget...). What the reply itself says wins.
     */
    private TravelRequest asBefore(TenantId tenant, IntakeRequest request, TravelRequest values) {
        Optional<QuoteSummary> original = quotes.findByNumber(tenant, request.replyToQuoteNumber());
        TravelRequest result = values;
        if (original.isPresent()) {
            QuoteSummary q = original.get();
            // new nights without new dates move the check-out, not keep the old one
            boolean newLength = values.has(RequestField.NIGHTS) && !values.has(RequestField.CHECK_OUT);
            result = result.withDefault(RequestField.CHECK_IN, q.travelStart())
                    .withDefault(RequestField.CHECK_OUT, newLength ? null : q.travelEnd())
                    .withDefault(RequestField.ADULTS, q.adults())
                    .withDefault(RequestField.CHILDREN_AGES, q.childrenAges().isEmpty() ? null : q.childrenAges());
        }
        Optional<IntakeRequest> drafted = request.replyToQuoteId() == null
                ? Optional.empty()
                : store.findByQuote(tenant, request.replyToQuoteId());
        if (drafted.isPresent()) {
            TravelRequest before = valuesOf(drafted.get());
            for (RequestField field : RequestField.values()) {
                if (field != RequestField.CLIENT_NAME && field != RequestField.EMAIL && field != RequestField.PHONE
                        && !(field == RequestField.NIGHTS && result.has(RequestField.CHECK_OUT))) {
                    result = result.withDefault(field, before.get(field));
                }
            }
        }
        return result;
    }

    /** What a request was acted on with: its extraction with the reviewer's corrections. */
    private TravelRequest valuesOf(IntakeRequest request) {
        TravelRequest values = TravelRequest.of(codec.read(request.extraction()),
                TravelRequest.Sender.parse(request.fromAddress()));
        Map<String, JsonNode> stored = new java.util.LinkedHashMap<>();
        for (IntakeStore.Correction c : store.corrections(request.tenantId(), request.id())) {
            stored.put(c.field(), c.correctedValue() == null ? null : json.readTree(c.correctedValue()));
        }
        try {
            for (var fix : Corrections.read(stored).entrySet()) {
                values = values.with(fix.getKey(), fix.getValue());
            }
        } catch (ProblemException ex) {
            // a correction stored under older rules: the extraction alone still serves
        }
        return values;
    }

    private Review review(IntakeRequest request) {
        TravelRequestExtraction x = codec.read(request.extraction());
        Optional<InboundEmail> email = inboundEmails.find(request.tenantId(), request.inboundEmailId());
        String cleaned = email.map(e -> extractor.cleanedText(new EmailText(e.from(), e.subject(), e.text(),
                e.html(), e.receivedAt()))).orElse(null);
        return new Review(request, x, email, cleaned, store.corrections(request.tenantId(), request.id()));
    }

    /** What acting needs: an address to reply to, and for a new request the required fields. */
    private void check(IntakeRequest request, TravelRequest values) {
        FieldErrors errors = new FieldErrors();
        if (values.text(RequestField.EMAIL) == null) {
            errors.add("corrections.email", "is required: the request has no address to reply to");
        }
        if (request.outcome() == Outcome.NEW_REQUEST) {
            for (String required : properties.requiredFields()) {
                if (required.equals("dates")) {
                    if (values.month() == null && (values.date(RequestField.CHECK_IN) == null
                            || values.checkOut() == null)) {
                        errors.add(values.date(RequestField.CHECK_IN) == null
                                ? "corrections.check_in"
                                : "corrections.check_out", "is required (or give a month)");
                    }
                } else if (!values.has(RequestField.named(required).orElseThrow())) {
                    errors.add("corrections." + required, "is required");
                }
            }
        }
        var checkIn = values.date(RequestField.CHECK_IN);
        var checkOut = values.checkOut();
        if (checkIn != null && checkOut != null && !checkOut.isAfter(checkIn)) {
            errors.add("corrections.check_out", "must be after check_in");
        }
        errors.throwIfAny();
    }

    private Review approveSupport(TenantId tenant, IntakeRequest request, Map<String, JsonNode> corrections,
            UUID reviewer) {
        if (corrections != null && !corrections.isEmpty()) {
            throw ProblemException.invalidField("corrections",
                    "are not taken for a support request: it goes to tickets as it was written");
        }
        InboundEmail email = inboundEmails.find(tenant, request.inboundEmailId()).orElseThrow(
                () -> ProblemException.of(HttpStatus.CONFLICT, "intake-email-missing", "Email missing",
                        "The email of this support request is no longer stored; reject the request instead."));
        events.publishEvent(SupportAnnouncement.of(request, email, () -> extractor.cleanedText(new EmailText(
                email.from(), email.subject(), email.text(), email.html(), email.receivedAt())), request.clientId()));
        Instant now = Instant.now();
        IntakeRequest approved = request.handled(IntakeStatus.APPROVED, Outcome.SUPPORT, request.reviewReason(),
                request.clientId(), null, null, now).reviewed(IntakeStatus.APPROVED, reviewer, null, now);
        store.update(approved);
        return review(approved);
    }

    /** A CRM refusal of the client's address or phone, named as the correction that fixes it. */
    private static ProblemException crmProblem(ProblemException ex) {
        Object errors = ex.properties().get("errors");
        if (errors instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m && m.get("field") instanceof String f) {
                    String reason = String.valueOf(m.get("reason"));
                    if (f.startsWith("phones")) {
                        return ProblemException.invalidField("corrections.phone", reason);
                    }
                    if (f.startsWith("emails")) {
                        return ProblemException.invalidField("corrections.email", reason);
                    }
                }
            }
        }
        return ex;
    }

    private String write(Object value) {
        return value == null ? null : json.writeValueAsString(Corrections.json(value));
    }

    private static void requireOpen(IntakeRequest request) {
        if (!request.inReview()) {
            throw ProblemException.of(HttpStatus.CONFLICT, "review-closed", "Review closed",
                    "The request is " + request.status().value() + ", not waiting for review.")
                    .with("request_status", request.status().value());
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("intake-request", id);
    }
}
