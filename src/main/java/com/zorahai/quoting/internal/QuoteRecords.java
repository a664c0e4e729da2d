package com.zorahai.quoting.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientInteraction;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.documents.Documents;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.AcceptedQuote;
import com.zorahai.quoting.QuoteAccepted;
import com.zorahai.quoting.QuoteCreated;
import com.zorahai.quoting.QuoteId;
import com.zorahai.quoting.QuoteSent;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quotes and their lifecycle: creating (with the tenant's next number), changing (a revision for every change after
 * the first send), sending (PDF, email with a single-use accept link, a revision), declining, accepting through the
 * link, expiring. Everything is scoped to one tenant; another tenant's quote is "not found".
 */
@Service
public class QuoteRecords {

    private static final Logger log = LoggerFactory.getLogger(QuoteRecords.class);
    static final String EMAIL_TEMPLATE = "quote-sent";
    static final int MAX_NAME = 200;
    private static final int EXPIRY_BATCH = 500;

    private final QuoteStore store;
    private final Clients clients;
    private final Tenants tenants;
    private final Documents documents;
    private final Emails emails;
    private final QuotingProperties properties;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    QuoteRecords(QuoteStore store, Clients clients, Tenants tenants, Documents documents, Emails emails,
            QuotingProperties properties, ApplicationEventPublisher events, JsonMapper json,
            TransactionTemplate transactions) {
        this.store = store;
        this.clients = clients;
        this.tenants = tenants;
        this.documents = documents;
        this.emails = emails;
        this.properties = properties;
        this.events = events;
        // amounts as {amount, currency}, without Money's derived properties
        this.json = json.rebuild().addMixIn(Money.class, MoneyShape.class).build();
        this.transactions = transactions;
    }

    @JsonIgnoreProperties(value = {"zero", "negative"}, ignoreUnknown = true)
    private abstract static class MoneyShape {
    }

    /** Who makes a change: the signed-in user. */
    public record Author(UUID id, String email) {
    }

    /**
     * What sending adds to the quote.
     *
     * @param to the address to send to; the client's first email when null
     * @param message a personal note shown in the email
     */
    public record Sending(String to, String message) {
    }

    /** A page of quotes, newest first; {@code page} counts from 0. */
    public record QuotePage(List<Quote> items, int page, int size, long total) {
    }

    /** A stored revision with its snapshot. */
    public record Revision(int revision, String reason, UUID authorId, String authorEmail, Instant createdAt,
            QuoteSnapshot snapshot) {
    }

    /**
     * What the customer sees behind an accept link: the revision that was sent.
     *
     * @param expiresAt when the link stops working
     */
    public record AcceptView(String tenantName, String clientName, QuoteSnapshot quote, Instant expiresAt,
            Locale locale) {
    }

    /** An acceptance through the link. */
    public record Acceptance(String token, String name, String email, String ip) {
    }

    /** Creates a draft with the tenant's next number. */
    @Transactional
    public Quote create(TenantId tenant, Author author, QuoteInput input) {
        Instant now = Instant.now();
        Optional<Tenant> config = tenants.find(tenant);
        LocalDate today = today(config, now);
        FieldErrors errors = new FieldErrors();
        Quote.Header header = QuoteFields.header(input, null, defaultCurrency(config), today.plusDays(
                Math.max(0, properties.validity().toDays())), errors);
        List<LineDraft> drafts = QuoteFields.lines(input.lines(), Set.of(), errors);
        if (header.validUntil() != null && header.validUntil().isBefore(today)) {
            errors.add("valid_until", "must not be in the past");
        }
        errors.throwIfAny();
        requireClient(tenant, header.clientId());
        QuoteCalculator.Priced priced = QuoteCalculator.price(drafts, header.currency(), settings(tenant));
        String number = number(store.nextNumber(tenant));
        Quote quote = new Quote(QuoteId.of(UUID.randomUUID()), tenant, number, header.clientId(),
                QuoteStatus.DRAFT, header.currency(), header.travelStart(), header.travelEnd(), header.adults(),
                header.childrenAges(), header.notes(), header.validUntil(), priced.taxRatePercent(),
                priced.subtotal(), priced.tax(), priced.total(), 0, author == null ? null : author.id(), now, now,
                null, null, null, null, null, priced.lines());
        store.insert(quote);
        events.publishEvent(new QuoteCreated(tenant, quote.id(), number, quote.clientId(), quote.total(), now));
        log.info("Quote {} created", quote.id());
        return quote;
    }

    @Transactional(readOnly = true)
    public Quote get(TenantId tenant, QuoteId id) {
        return store.find(tenant, id).orElseThrow(() -> QuoteProblems.notFound(id));
    }

    /** The tenant's quotes, newest first, optionally of one status and one client. */
    @Transactional(readOnly = true)
    public QuotePage search(TenantId tenant, String status, String clientId, Integer page, Integer size) {
        FieldErrors errors = new FieldErrors();
        QuoteStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = QuoteStatus.parse(status, "status");
            } catch (ProblemException ex) {
                errors.add("status", "must be one of draft, sent, accepted, declined, expired");
            }
        }
        ClientId client = null;
        if (clientId != null && !clientId.isBlank()) {
            try {
                client = ClientId.of(UUID.fromString(clientId.trim()));
            } catch (IllegalArgumentException ex) {
                errors.add("client_id", "must be a UUID");
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
        errors.throwIfAny();
        long total = store.count(tenant, wanted, client);
        List<Quote> items = store.search(tenant, wanted, client, (long) pageNumber * pageSize, pageSize);
        return new QuotePage(items, pageNumber, pageSize, total);
    }

    /**
     * Changes the header fields the input names. A draft changes freely; a sent quote only with a {@code reason},
     * and becomes a new revision. Changing the currency prices the lines again; a change that changes nothing is
     * no revision.
     */
    @Transactional
    public Quote update(TenantId tenant, Author author, QuoteId id, QuoteInput input) {
        Instant now = Instant.now();
        Quote quote = store.lock(tenant, id).orElseThrow(() -> QuoteProblems.notFound(id));
        quote.requireOpen("changed");
        Optional<Tenant> config = tenants.find(tenant);
        FieldErrors errors = new FieldErrors();
        Quote.Header header = QuoteFields.header(input, quote.header(), null, null, errors);
        if (input.has("valid_until") && header.validUntil() != null
                && !header.validUntil().equals(quote.validUntil())
                && header.validUntil().isBefore(today(config, now))) {
            errors.add("valid_until", "must not be in the past");
        }
        if (header.equals(quote.header()) && !errors.has("client_id")) {
            errors.throwIfAny();
            return quote;
        }
        String reason = reasonIfSent(quote, input.reason(), errors);
        errors.throwIfAny();
        if (!header.clientId().equals(quote.clientId())) {
            requireClient(tenant, header.clientId());
        }
        boolean reprice = !header.currency().equals(quote.currency());
        QuoteCalculator.Priced priced = reprice
                ? QuoteCalculator.price(drafts(quote.lines()), header.currency(), settings(tenant))
                : new QuoteCalculator.Priced(quote.lines(), quote.taxRatePercent(), quote.subtotal(), quote.tax(),
                        quote.total());
        return save(quote, quote.edited(header, priced, now), reprice, reason, author, now);
    }

    /**
     * Replaces the lines (a line that gives the {@code id} of a current line stays the same line) and prices them
     * with the tenant's current rates and tax. The revision rule of {@link #update} applies.
     */
    @Transactional
    public Quote replaceLines(TenantId tenant, Author author, QuoteId id, List<LineInput> lines, String reason) {
        Instant now = Instant.now();
        Quote quote = store.lock(tenant, id).orElseThrow(() -> QuoteProblems.notFound(id));
        quote.requireOpen("changed");
        FieldErrors errors = new FieldErrors();
        if (lines == null) {
            errors.add("lines", "is required");
        }
        Set<UUID> existing = quote.lines().stream().map(QuoteLine::id).collect(Collectors.toSet());
        List<LineDraft> drafts = QuoteFields.lines(lines, existing, errors);
        String why = reasonIfSent(quote, reason, errors);
        errors.throwIfAny();
        QuoteCalculator.Priced priced = QuoteCalculator.price(drafts, quote.currency(), settings(tenant));
        return save(quote, quote.edited(quote.header(), priced, now), true, why, author, now);
    }

    private Quote save(Quote before, Quote after, boolean withLines, String reason, Author author, Instant now) {
        RevisionDiff diff = RevisionDiff.between(QuoteSnapshot.of(before), QuoteSnapshot.of(after));
        if (diff.fields().isEmpty() && diff.lines().isEmpty()) {
            return before;
        }
        Quote saved = before.wasSent() ? after.atRevision(before.currentRevision() + 1) : after;
        store.update(saved, withLines);
        if (saved.wasSent()) {
            addRevision(saved, reason, author, now);
        }
        return saved;
    }

    private static String reasonIfSent(Quote quote, String reason, FieldErrors errors) {
        if (!quote.wasSent()) {
            return null;
        }
        String why = QuoteFields.blankToNull(reason);
        if (why == null) {
            errors.add("reason", "is required to change a quote that has been sent");
        } else if (why.length() > QuoteFields.MAX_REASON) {
            errors.add("reason", "must be at most " + QuoteFields.MAX_REASON + " characters");
        }
        return why;
    }

    /** The revisions of the quote, oldest first; none while it is a draft never sent. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(TenantId tenant, QuoteId id) {
        get(tenant, id);
        return store.revisions(tenant, id).stream().map(this::revision).toList();
    }

    @Transactional(readOnly = true)
    public Revision revision(TenantId tenant, QuoteId id, int number) {
        get(tenant, id);
        return store.revision(tenant, id, number)
                .map(this::revision)
                .orElseThrow(() -> ProblemException.notFound("revision", number));
    }

    /** What changed from revision {@code from} to revision {@code to}. */
    @Transactional(readOnly = true)
    public RevisionDiff diff(TenantId tenant, QuoteId id, int from, int to) {
        return RevisionDiff.between(revision(tenant, id, from).snapshot(), revision(tenant, id, to).snapshot());
    }

    /**
     * Sends the quote: renders its PDF, queues the email with the PDF and a new accept link, and marks it sent. The
     * first send makes revision 1. All or nothing: when any step fails, nothing is sent or stored.
     */
    @Transactional
    public Quote send(TenantId tenant, Author author, QuoteId id, Sending sending) {
        Instant now = Instant.now();
        Quote quote = store.lock(tenant, id).orElseThrow(() -> QuoteProblems.notFound(id));
        Quote sent = quote.sent(now);
        Optional<Tenant> config = tenants.find(tenant);
        ZoneId zone = zone(config);
        if (quote.validUntil().isBefore(today(config, now))) {
            throw QuoteProblems.unprocessable("quote-validity-passed", "Quote validity passed", "valid_until",
                    "is in the past; change it before sending");
        }
        ClientView client = clients.find(tenant, quote.clientId()).filter(ClientView::isLive)
                .orElseThrow(() -> QuoteProblems.unprocessable("client-unavailable", "Client unavailable",
                        "client_id", "the client was deleted, merged or erased"));
        String to = sending != null && sending.to() != null && !sending.to().isBlank()
                ? sending.to().trim()
                : client.emails().stream().findFirst().orElseThrow(() -> QuoteProblems.unprocessable(
                        "client-has-no-email", "Client has no email", "to",
                        "the client has no email address; give one"));
        String message = sending == null ? null : QuoteFields.blankToNull(sending.message());
        if (message != null && message.length() > QuoteFields.MAX_NOTES) {
            throw ProblemException.invalidField("message", "must be at most " + QuoteFields.MAX_NOTES
                    + " characters");
        }
        if (!quote.wasSent()) {
            sent = sent.atRevision(1);
        }
        store.update(sent, false);
        if (!quote.wasSent()) {
            addRevision(sent, "First sent", author, now);
        }

        AcceptTokens.Issued token = AcceptTokens.issue();
        Instant endOfValidity = sent.validUntil().plusDays(1).atStartOfDay(zone).toInstant();
        Instant ttl = now.plus(properties.acceptLinkTtl());
        Instant expiresAt = ttl.isBefore(endOfValidity) ? ttl : endOfValidity;
        store.insertToken(new QuoteStore.TokenRow(token.hash(), sent.id(), tenant, sent.currentRevision(), now,
                expiresAt, null));
        String link = properties.baseUrl() + "/public/quotes/accept?token=" + token.token();

        Locale locale = locale(config);
        QuoteSnapshot snapshot = QuoteSnapshot.of(sent);
        byte[] pdf = documents.quotePdf(tenant, QuoteDocumentModel.of(snapshot, LocalDate.ofInstant(now, zone),
                client.name(), to, link));
        String tenantName = config.map(Tenant::name).orElse(tenant.value());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("clientName", client.name());
        model.put("number", sent.number());
        model.put("revision", sent.currentRevision());
        model.put("total", QuoteDocumentModel.format(sent.total(), locale));
        model.put("validUntil", sent.validUntil());
        model.put("travelStart", sent.travelStart());
        model.put("travelEnd", sent.travelEnd());
        model.put("link", link);
        model.put("message", message);
        emails.queue(new OutboundEmail(tenant, List.of(to), List.of(), "Quote " + sent.number() + " from "
                + tenantName, EMAIL_TEMPLATE, model, null, null,
                List.of(new OutboundEmail.Attachment(
                        sent.number() + ".pdf", "application/pdf", pdf)),
                "quote-sent:" + token.hash()));
        events.publishEvent(new QuoteSent(tenant, sent.id(), sent.number(), sent.clientId(), sent.total(), now));
        events.publishEvent(ClientInteraction.forClient(tenant, sent.clientId(), ActivityType.QUOTE_SENT, now,
                "Quote " + sent.number() + " sent (revision " + sent.currentRevision() + ", "
                        + QuoteDocumentModel.format(sent.total(), Locale.ENGLISH) + ")",
                "quote", sent.id().toString(), "quote-sent:" + token.hash().substring(0, 32)));
        log.info("Quote {} sent at revision {}", sent.id(), sent.currentRevision());
        return sent;
    }

    /** The PDF of the quote as it stands now (no accept link). */
    @Transactional(readOnly = true)
    public byte[] pdf(TenantId tenant, QuoteId id) {
        Quote quote = get(tenant, id);
        Optional<Tenant> config = tenants.find(tenant);
        Optional<ClientView> client = clients.find(tenant, quote.clientId());
        return documents.quotePdf(tenant, QuoteDocumentModel.of(QuoteSnapshot.of(quote),
                LocalDate.ofInstant(Instant.now(), zone(config)), client.map(ClientView::name).orElse(null),
                client.flatMap(c -> c.emails().stream().findFirst()).orElse(null), null));
    }

    /** Records that the customer declined a sent quote. */
    @Transactional
    public Quote decline(TenantId tenant, QuoteId id, String reason) {
        Quote quote = store.lock(tenant, id).orElseThrow(() -> QuoteProblems.notFound(id));
        String why = QuoteFields.blankToNull(reason);
        if (why != null && why.length() > QuoteFields.MAX_REASON) {
            throw ProblemException.invalidField("reason", "must be at most " + QuoteFields.MAX_REASON
                    + " characters");
        }
        Quote declined = quote.declined(why, Instant.now());
        store.update(declined, false);
        return declined;
    }

    /** The revision behind an accept link, when the link can still accept it. */
    @Transactional(readOnly = true)
    public AcceptView acceptView(String token) {
        Instant now = Instant.now();
        QuoteStore.TokenRow row = usableToken(token, false, now);
        Quote quote = store.find(row.tenantId(), row.quoteId()).orElseThrow(QuoteProblems::linkInvalid);
        checkAcceptable(quote, row);
        Optional<Tenant> config = tenants.find(quote.tenantId());
        QuoteSnapshot snapshot = store.revision(quote.tenantId(), quote.id(), row.revision()).map(this::revision)
                .map(Revision::snapshot).orElseThrow(QuoteProblems::linkInvalid);
        String clientName = clients.find(quote.tenantId(), quote.clientId()).map(ClientView::name).orElse(null);
        return new AcceptView(config.map(Tenant::name).orElse(quote.tenantId().value()), clientName, snapshot,
                row.expiresAt(), locale(config));
    }

    /**
     * Accepts the revision an accept link was sent for: 404 for an unknown or tampered token, 410 when it was used
     * or expired, 409 when the quote changed since or is no longer open. Records who, when, from where and which
     * revision, and uses the link up.
     */
    @Transactional
    public Quote accept(Acceptance acceptance) {
        FieldErrors errors = new FieldErrors();
        String name = QuoteFields.blankToNull(acceptance.name());
        if (name == null) {
            errors.add("name", "is required");
        } else if (name.length() > MAX_NAME) {
            errors.add("name", "must be at most " + MAX_NAME + " characters");
        }
        String email = QuoteFields.blankToNull(acceptance.email());
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.add("email", "must be an email address");
        }
        errors.throwIfAny();
        Instant now = Instant.now();
        QuoteStore.TokenRow row = usableToken(acceptance.token(), true, now);
        Quote quote = store.lock(row.tenantId(), row.quoteId()).orElseThrow(QuoteProblems::linkInvalid);
        checkAcceptable(quote, row);
        String ip = acceptance.ip() == null || acceptance.ip().length() > 64 ? null : acceptance.ip();
        Quote accepted = quote.accepted(new Quote.Acceptance(row.revision(), now, ip, name, email));
        store.update(accepted, false);
        store.markUsed(row.hash(), now);
        events.publishEvent(new QuoteAccepted(accepted.tenantId(), accepted.id(), accepted.number(),
                row.revision(), accepted.clientId(), now));
        events.publishEvent(ClientInteraction.forClient(accepted.tenantId(), accepted.clientId(),
                ActivityType.QUOTE_ACCEPTED, now, "Quote " + accepted.number() + " accepted (revision "
                        + row.revision() + ")",
                "quote", accepted.id().toString(), "quote-accepted:" + accepted.id()));
        log.info("Quote {} accepted at revision {}", accepted.id(), row.revision());
        return accepted;
    }

    private QuoteStore.TokenRow usableToken(String token, boolean lock, Instant now) {
        String hash = AcceptTokens.hashOf(token).orElseThrow(QuoteProblems::linkInvalid);
        QuoteStore.TokenRow row = store.token(hash, lock).orElseThrow(QuoteProblems::linkInvalid);
        if (row.usedAt() != null) {
            throw QuoteProblems.linkUsed();
        }
        if (!now.isBefore(row.expiresAt())) {
            throw QuoteProblems.linkExpired();
        }
        return row;
    }

    private static void checkAcceptable(Quote quote, QuoteStore.TokenRow row) {
        if (quote.status() == QuoteStatus.EXPIRED) {
            throw QuoteProblems.linkExpired();
        }
        if (quote.status() != QuoteStatus.SENT) {
            throw QuoteProblems.notOpen(quote, "accepted");
        }
        if (quote.currentRevision() != row.revision()) {
            throw QuoteProblems.quoteChanged();
        }
    }

    /**
     * Marks sent quotes whose validity ended (the end of {@code valid_until} in the tenant's time zone) as expired,
     * each in its own transaction. Returns how many were expired.
     */
    public int expireDue(Instant now) {
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        int expired = 0;
        for (Quote candidate : store.sentValidBefore(latest, EXPIRY_BATCH)) {
            ZoneId zone = zone(tenants.find(candidate.tenantId()));
            if (now.isBefore(candidate.validUntil().plusDays(1).atStartOfDay(zone).toInstant())) {
                continue;
            }
            Boolean done = transactions.execute(status -> store.lock(candidate.tenantId(), candidate.id())
                    .filter(q -> q.status() == QuoteStatus.SENT)
                    .map(q -> {
                        store.update(q.expired(now), false);
                        return true;
                    })
                    .orElse(false));
            if (Boolean.TRUE.equals(done)) {
                expired++;
            }
        }
        if (expired > 0) {
            log.info("{} quotes expired", expired);
        }
        return expired;
    }

    /** The accepted revision of the quote as other modules see it. */
    @Transactional(readOnly = true)
    public Optional<AcceptedQuote> accepted(TenantId tenant, QuoteId id) {
        return store.find(tenant, id)
                .filter(q -> q.status() == QuoteStatus.ACCEPTED && q.acceptance() != null)
                .flatMap(q -> store.revision(tenant, id, q.acceptance().revision())
                        .map(this::revision)
                        .map(r -> acceptedQuote(tenant, id, r.snapshot(), q.acceptance().acceptedAt())));
    }

    private static AcceptedQuote acceptedQuote(TenantId tenant, QuoteId id, QuoteSnapshot s, Instant acceptedAt) {
        List<AcceptedQuote.Line> lines = s.lines().stream()
                .map(l -> new AcceptedQuote.Line(l.type().value(), l.description(), l.quantity(), l.unitPrice(),
                        l.total(), l.taxable() ? s.taxRatePercent() : BigDecimal.ZERO))
                .toList();
        return new AcceptedQuote(tenant, id, s.number(), s.revision(), ClientId.of(s.clientId()), s.currency(),
                s.travelStart(), s.travelEnd(), lines, s.subtotal(), s.tax(), s.total(), acceptedAt);
    }

    /** The tenant's quote with this number, e.g. {@code Q-000123}; empty for another tenant's or none. */
    @Transactional(readOnly = true)
    public Optional<Quote> findByNumber(TenantId tenant, String number) {
        return store.findByNumber(tenant, number);
    }

    /** Everything held about the client's quotes, for the client's privacy export. */
    @Transactional(readOnly = true)
    public List<Quote> ofClient(TenantId tenant, ClientId client) {
        return store.ofClient(tenant, client);
    }

    /** Forgets who accepted the client's quotes; the quotes themselves are commercial records and stay. */
    @Transactional
    public void eraseClient(TenantId tenant, ClientId client) {
        store.eraseAcceptances(tenant, client);
    }

    /** The money settings in force for the tenant. */
    public QuoteSettings settings(TenantId tenant) {
        return properties.settingsFor(tenant.value());
    }

    /** The currency a new quote of the tenant is in when the request names none. */
    public Currency defaultCurrency(TenantId tenant) {
        return defaultCurrency(tenants.find(tenant));
    }

    private void addRevision(Quote quote, String reason, Author author, Instant now) {
        store.insertRevision(quote, json.writeValueAsString(QuoteSnapshot.of(quote)), reason,
                author == null ? null : author.id(), author == null ? null : author.email(), now);
    }

    private Revision revision(QuoteStore.RevisionRow row) {
        return new Revision(row.revision(), row.reason(), row.authorId(), row.authorEmail(), row.createdAt(),
                json.readValue(row.snapshot(), QuoteSnapshot.class));
    }

    private void requireClient(TenantId tenant, ClientId client) {
        if (clients.find(tenant, client).filter(ClientView::isLive).isEmpty()) {
            throw ProblemException.invalidField("client_id", "is not a client of this tenant");
        }
    }

    private String number(long value) {
        return properties.numberPrefix() + String.format(Locale.ROOT, "%06d", value);
    }

    private static List<LineDraft> drafts(List<QuoteLine> lines) {
        return lines.stream()
                .map(l -> new LineDraft(l.id(), l.type(), l.description(), l.quantity(), l.unitCost().amount(),
                        l.unitCost().currency(), l.markupPercent(), l.marginPercent(),
                        l.markupPercent() == null && l.marginPercent() == null ? l.unitSell() : null, l.taxable()))
                .toList();
    }

    private Currency defaultCurrency(Optional<Tenant> tenant) {
        return tenant.map(Tenant::currency).orElse(properties.defaultCurrency());
    }

    private static ZoneId zone(Optional<Tenant> tenant) {
        return tenant.map(Tenant::timezone).orElse(ZoneOffset.UTC);
    }

    private static Locale locale(Optional<Tenant> tenant) {
        return tenant.map(Tenant::locale).orElse(Locale.ENGLISH);
    }

    private static LocalDate today(Optional<Tenant> tenant, Instant now) {
        return LocalDate.ofInstant(now, zone(tenant));
    }
}
