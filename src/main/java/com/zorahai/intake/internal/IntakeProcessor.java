package com.zorahai.intake.internal;

import com.zorahai.ai.Classification;
import com.zorahai.ai.EmailText;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.ai.TravelRequestExtractor;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.email.InboundEmail;
import com.zorahai.email.InboundEmails;
import com.zorahai.intake.InboundEmailParsed;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.QuoteSummary;
import com.zorahai.quoting.Quotes;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one stored inbound email: reads it with the extractor (outside any transaction: the model may take
 * seconds), then in one transaction records the {@code intake_requests} row and acts by classification. A request
 * that was handled before (a redelivered event) is left alone; a request whose action fails for a reason in its
 * content (e.g. an address the CRM refuses) is recorded for review instead, so the email is never lost.
 */
@Service
public class IntakeProcessor {

    private static final Logger log = LoggerFactory.getLogger(IntakeProcessor.class);

    private final IntakeStore store;
    private final Tenants tenants;
    private final InboundEmails inboundEmails;
    private final TravelRequestExtractor extractor;
    private final ExtractionCodec codec;
    private final RequestActions actions;
    private final Quotes quotes;
    private final Clients clients;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final IntakeProperties properties;
    private final Confidence confidence;
    private final Semaphore slots;

    IntakeProcessor(IntakeStore store, Tenants tenants, InboundEmails inboundEmails, TravelRequestExtractor extractor,
            ExtractionCodec codec, RequestActions actions, Quotes quotes, Clients clients,
            ApplicationEventPublisher events, TransactionTemplate transactions, IntakeProperties properties) {
        this.store = store;
        this.tenants = tenants;
        this.inboundEmails = inboundEmails;
        this.extractor = extractor;
        this.codec = codec;
        this.actions = actions;
        this.quotes = quotes;
        this.clients = clients;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.confidence = new Confidence(properties.threshold(), properties.requiredFields());
        this.slots = new Semaphore(properties.maxConcurrent(), true);
    }

    /** Handles the tenant's inbound email, unless it was handled before or the tenant has email intake off. */
    public void process(TenantId tenantId, UUID inboundEmailId) {
        if (store.exists(tenantId, inboundEmailId)) {
            log.debug("Inbound email {} was handled before", inboundEmailId);
            return;
        }
        Optional<Tenant> tenant = tenants.find(tenantId);
        if (tenant.isEmpty() || !tenant.get().has(Tenant.Feature.EMAIL_INTAKE)) {
            log.debug("Inbound email {} left alone: email intake is off for the tenant", inboundEmailId);
            return;
        }
        Optional<InboundEmail> found = inboundEmails.find(tenantId, inboundEmailId);
        if (found.isEmpty()) {
            log.warn("Inbound email {} announced but not found", inboundEmailId);
            return;
        }
        InboundEmail email = found.get();
        try {
            slots.acquire();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to handle inbound email " + inboundEmailId,
                    ex);
        }
        MDC.put("tenantId", tenantId.value());
        try {
            EmailText text = new EmailText(email.from(), email.subject(), email.text(), email.html(),
                    email.receivedAt());
            // mail SendGrid scored as spam is read by the rules only: it is ignored anyway, and costs no model call
            TravelRequestExtraction extraction = isSpam(email)
                    ? extractor.extractWithRules(tenantId, text)
                    : extractor.extract(tenantId, text);
            Incoming incoming = new Incoming(email, text, extraction);
            handle(incoming);
        } finally {
            MDC.remove("tenantId");
            slots.release();
        }
    }

    private void handle(Incoming incoming) {
        try {
            transactions.executeWithoutResult(tx -> act(incoming, true));
        } catch (ProblemException first) {
            if (phoneRefused(first)) {
                log.info("Inbound email {}: the CRM refused the phone read from it; handled without it",
                        incoming.email().id());
                try {
                    transactions.executeWithoutResult(tx -> act(incoming, false));
                    return;
                } catch (ProblemException second) {
                    toReview(incoming, second);
                    return;
                }
            }
            toReview(incoming, first);
        }
    }

    /** Records the request and acts on it; nothing when another delivery recorded it first. */
    private void act(Incoming in, boolean withPhone) {
        TravelRequestExtraction x = in.extraction();
        Instant now = Instant.now();
        List<String> doubtful = x.classification() == Classification.NEW_TRAVEL_REQUEST
                ? confidence.doubtful(x)
                : List.of();
        IntakeRequest request = newRow(in, doubtful, now);
        if (!store.insert(request)) {
            return;
        }
        IntakeRequest handled = switch (outcome(in)) {
            case SPAM -> request.handled(IntakeStatus.IGNORED, Outcome.SPAM, null, null, null, null, now);
            case AUTOMATED -> request.handled(IntakeStatus.IGNORED, Outcome.AUTOMATED, null, null, null, null, now);
            case SUPPORT -> support(in, request, now);
            case QUOTE_REPLY, CHANGE_REQUEST -> reply(in, request, now);
            case NEW_REQUEST -> newRequest(in, request, doubtful, withPhone, now);
        };
        store.update(handled);
        inboundEmails.markProcessed(request.tenantId(), request.inboundEmailId());
        announceParsed(handled);
        log.info("Inbound email {} handled as {}: {}", request.inboundEmailId(), handled.outcome().value(),
                handled.status().value());
    }

    private boolean isSpam(InboundEmail email) {
        return email.spamScore() != null && email.spamScore().compareTo(properties.spamScore()) >= 0;
    }

    private Outcome outcome(Incoming in) {
        if (isSpam(in.email())) {
            return Outcome.SPAM;
        }
        return switch (in.extraction().classification()) {
            case AUTOMATED -> Outcome.AUTOMATED;
            case SUPPORT_REQUEST -> Outcome.SUPPORT;
            case QUOTE_REPLY -> Outcome.QUOTE_REPLY;
            case NEW_TRAVEL_REQUEST -> Outcome.NEW_REQUEST;
        };
    }

    private IntakeRequest newRequest(Incoming in, IntakeRequest request, List<String> doubtful, boolean withPhone,
            Instant now) {
        TravelRequest values = TravelRequest.of(in.extraction(), TravelRequest.Sender.parse(in.email().from()));
        if (!doubtful.isEmpty()) {
            return request.handled(IntakeStatus.NEEDS_REVIEW, Outcome.NEW_REQUEST,
                    "Not read confidently enough: " + String.join(", ", doubtful), null, null, null, now);
        }
        if (values.text(RequestField.EMAIL) == null) {
            return request.handled(IntakeStatus.NEEDS_REVIEW, Outcome.NEW_REQUEST, "No sender address to reply to",
                    null, null, null, now);
        }
        RequestActions.Drafted drafted = actions.draft(request, values, withPhone, false);
        return request.handled(IntakeStatus.PROCESSED, Outcome.NEW_REQUEST, null, drafted.clientId(),
                drafted.quote().id().value(), drafted.quote().number(), now);
    }

    private IntakeRequest reply(Incoming in, IntakeRequest request, Instant now) {
        var reference = in.extraction().quoteReference();
        Optional<QuoteSummary> quote = reference.isPresent()
                ? quotes.findByNumber(request.tenantId(), reference.value())
                : Optional.empty();
        if (quote.isEmpty()) {
            String reason = reference.isPresent()
                    ? "The reply names quote " + reference.value() + ", which this tenant does not have"
                    : "The reply names no quote";
            return request.handled(IntakeStatus.NEEDS_REVIEW, Outcome.QUOTE_REPLY, reason, senderClient(in, request),
                    null, null, now);
        }
        QuoteSummary q = quote.get();
        IntakeRequest replying = request.replyingTo(q.id().value(), q.number());
        boolean change = ReplyReader.asksForChanges(extractor.cleanedText(in.text()), in.extraction(), q);
        actions.replyReceived(replying, q.clientId(), q.id().toString(), q.number(), change);
        if (change) {
            return replying.handled(IntakeStatus.NEEDS_REVIEW, Outcome.CHANGE_REQUEST,
                    "Changes requested to quote " + q.number(), q.clientId(), null, null, now);
        }
        return replying.handled(IntakeStatus.PROCESSED, Outcome.QUOTE_REPLY, null, q.clientId(), null, null, now);
    }

    private IntakeRequest support(Incoming in, IntakeRequest request, Instant now) {
        ClientId client = senderClient(in, request);
        events.publishEvent(
                SupportAnnouncement.of(request, in.email(), () -> extractor.cleanedText(in.text()), client));
        return request.handled(IntakeStatus.PROCESSED, Outcome.SUPPORT, null, client, null, null, now);
    }

    /** The live client the sender's address belongs to, if any (none is created). */
    private ClientId senderClient(Incoming in, IntakeRequest request) {
        String address = TravelRequest.Sender.parse(in.email().from()).address();
        if (address == null) {
            return null;
        }
        return clients.findByEmail(request.tenantId(), address).filter(ClientView::isLive).map(ClientView::id)
                .orElse(null);
    }

    /** Records a request whose action failed for a reason in its content, for a person to look at. */
    private void toReview(Incoming in, ProblemException problem) {
        log.warn("Inbound email {} could not be acted on ({}); it waits for review", in.email().id(), problem.type());
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            IntakeRequest request = newRow(in, List.of(), now);
            if (!store.insert(request)) {
                return;
            }
            Outcome outcome = switch (outcome(in)) {
                case QUOTE_REPLY, CHANGE_REQUEST -> Outcome.QUOTE_REPLY;
                case SUPPORT -> Outcome.SUPPORT;
                default -> Outcome.NEW_REQUEST;
            };
            IntakeRequest handled = request.handled(IntakeStatus.NEEDS_REVIEW, outcome, "Could not be acted on: "
                    + problem.detail(), null, null, null, now);
            store.update(handled);
            inboundEmails.markProcessed(request.tenantId(), request.inboundEmailId());
            announceParsed(handled);
        });
    }

    /** Tells other modules (analytics) what the email was read as and what became of it, in the same transaction. */
    private void announceParsed(IntakeRequest handled) {
        events.publishEvent(new InboundEmailParsed(handled.tenantId(), handled.inboundEmailId(),
                handled.classification().name().toLowerCase(Locale.ROOT), handled.outcome().value(),
                handled.status().value(), handled.engine(), handled.model(), handled.lowConfidence(),
                handled.receivedAt(), handled.updatedAt()));
    }

    private IntakeRequest newRow(Incoming in, List<String> doubtful, Instant now) {
        InboundEmail email = in.email();
        TravelRequestExtraction x = in.extraction();
        return new IntakeRequest(UUID.randomUUID(), email.tenantId(), email.id(), email.messageId(), email.from(),
                email.subject(), email.receivedAt(), x.classification(), x.engine(), x.model(), codec.write(x),
                doubtful, IntakeStatus.PROCESSED, outcome(in), null, null, null, null, null, null, null, null, null,
                null, now, now);
    }

    private static boolean phoneRefused(ProblemException problem) {
        Object errors = problem.properties().get("errors");
        if (errors instanceof List<?> list) {
            return list.stream().anyMatch(e -> e instanceof Map<?, ?> m && m.get("field") instanceof String f
                    && f.startsWith("phones"));
        }
        return false;
    }

    /** An email with what was read from it. */
    private record Incoming(InboundEmail email, EmailText text, TravelRequestExtraction extraction) {
    }
}
