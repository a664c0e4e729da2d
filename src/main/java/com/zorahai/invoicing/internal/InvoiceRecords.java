package com.zorahai.invoicing.internal;

import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientInteraction;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.invoicing.InvoiceIssued;
import com.zorahai.invoicing.InvoicePaid;
import com.zorahai.invoicing.InvoiceVoided;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.AcceptedQuote;
import com.zorahai.quoting.QuoteAccepted;
import com.zorahai.quoting.QuoteId;
import com.zorahai.quoting.Quotes;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices and their payments: the rules of creating (standalone or from an accepted quote), changing, issuing,
 * paying, voiding and deleting them. Everything is scoped to one tenant; another tenant's invoice is "not found".
 */
@Service
public class InvoiceRecords {

    private static final Logger log = LoggerFactory.getLogger(InvoiceRecords.class);
    static final int DEFAULT_PAGE_SIZE = 20;
    private static final Currency FALLBACK_CURRENCY = Currency.getInstance("USD");

    private final InvoiceStore store;
    private final Clients clients;
    private final Quotes quotes;
    private final Tenants tenants;
    private final InvoicingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceRecords(InvoiceStore store, Clients clients, Quotes quotes, Tenants tenants,
            InvoicingProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.quotes = quotes;
        this.tenants = tenants;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A list query as the API gives it; null filters match everything. */
    public record Query(String status, String clientId, Boolean overdue, Integer page, Integer size) {
    }

    /** A payment and the invoice it was recorded on, as it is afterwards. */
    public record Recorded(Payment payment, Invoice invoice) {
    }

    /** Creates a standalone draft; 400 naming every bad field. */
    @Transactional
    public Invoice create(TenantId tenant, InvoiceDraft draft, UUID user) {
        FieldErrors errors = new FieldErrors();
        if (draft == null) {
            errors.add("body", "is required");
            errors.throwIfAny();
        }
        ClientId client = client(tenant, draft.clientId(), errors);
        Currency currency = InvoiceFields.currency(draft.currency(), tenantCurrency(tenant), errors);
        List<InvoiceLine> lines = InvoiceFields.lines(draft.lines(), currency, errors);
        String notes = InvoiceFields.notes(draft.notes(), errors);
        String reference = InvoiceFields.paymentReference(draft.paymentReference(), errors);
        Integer terms = InvoiceFields.paymentTermsDays(draft.paymentTermsDays(), errors);
        errors.throwIfAny();
        Invoice invoice = Invoice.draft(tenant, client, currency, lines, notes, reference, terms, user,
                clock.instant());
        store.insert(invoice);
        return invoice;
    }

    /**
     * Creates a draft from the accepted revision of a quote: its client, currency, lines and the totals the
     * customer accepted. 409 {@code quote-not-accepted} when the quote has no accepted revision, 409
     * {@code quote-already-invoiced} when it has an invoice that is not void, 404 {@code quote-not-found} when it is
     * not a quote of the tenant.
     */
    @Transactional
    public Invoice fromQuote(TenantId tenant, QuoteId quoteId, UUID user) {
        AcceptedQuote quote = quotes.accepted(tenant, quoteId)
                .orElseThrow(() -> InvoiceProblems.quoteNotAccepted(quoteId));
        if (!tenant.equals(quote.tenantId()) || !quoteId.equals(quote.quoteId())) {
            throw InvoiceProblems.quoteNotFound(quoteId);
        }
        Optional<InvoiceId> existing = store.liveForQuote(tenant, quoteId);
        if (existing.isPresent()) {
            throw InvoiceProblems.quoteAlreadyInvoiced(quoteId, existing.get());
        }
        Invoice invoice = forQuote(quote, user);
        if (!store.insert(invoice)) {
            // another request invoiced the quote between the check and the insert
            throw InvoiceProblems.quoteAlreadyInvoiced(quoteId, store.liveForQuote(tenant, quoteId).orElseThrow());
        }
        return invoice;
    }

    /**
     * A draft for a quote the customer just accepted, unless the quote has an invoice already; a redelivered event
     * adds nothing.
     */
    @Transactional
    public Optional<Invoice> draftOnAcceptance(QuoteAccepted accepted) {
        TenantId tenant = accepted.tenantId();
        if (store.liveForQuote(tenant, accepted.quoteId()).isPresent()) {
            return Optional.empty();
        }
        Optional<AcceptedQuote> quote = quotes.accepted(tenant, accepted.quoteId())
                .filter(q -> tenant.equals(q.tenantId()));
        if (quote.isEmpty()) {
            log.warn("Quote {} was accepted but has no accepted revision now; no draft invoice made",
                    accepted.quoteId());
            return Optional.empty();
        }
        Invoice invoice = forQuote(quote.get(), null);
        if (!store.insert(invoice)) {
            return Optional.empty();
        }
        log.info("Draft invoice {} made from accepted quote {}", invoice.id(), accepted.quoteId());
        return Optional.of(invoice);
    }

    private Invoice forQuote(AcceptedQuote quote, UUID user) {
        Currency currency = quote.currency();
        List<InvoiceLine> lines = new ArrayList<>();
        List<AcceptedQuote.Line> quoted = quote.lines() == null ? List.of() : quote.lines();
        for (int i = 0; i < quoted.size(); i++) {
            lines.add(line(i, quoted.get(i), currency));
        }
        InvoiceTotals computed = InvoiceTotals.of(lines, currency);
        InvoiceTotals accepted = new InvoiceTotals(rounded(quote.subtotal(), computed.subtotal()),
                rounded(quote.tax(), computed.tax()), rounded(quote.total(), computed.total()));
        if (!accepted.total().isEqualTo(computed.total())) {
            log.warn("Quote {} revision {} totals {} but its lines give {}; the invoice keeps the accepted total",
                    quote.quoteId(), quote.revision(), accepted.total(), computed.total());
        }
        ClientId client = followMerges(quote.tenantId(), quote.clientId());
        return Invoice.forQuote(quote.tenantId(), quote.quoteId(), quote.revision(), client, currency, lines,
                accepted, user, clock.instant());
    }

    private static InvoiceLine line(int position, AcceptedQuote.Line line, Currency currency) {
        String type = line.type() == null || line.type().isBlank()
                ? "other"
                : cut(line.type().strip().toLowerCase(Locale.ROOT), 32);
        String description = InvoiceFields.text(line.description());
        BigDecimal quantity = line.quantity() == null || line.quantity().signum() <= 0
                ? BigDecimal.ONE
                : line.quantity();
        BigDecimal unitPrice = line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice().amount();
        BigDecimal taxRate = line.taxRate() == null ? BigDecimal.ZERO : line.taxRate();
        Money total = line.total() == null
                ? InvoiceTotals.lineTotal(quantity, unitPrice, currency)
                : line.total().rounded();
        return new InvoiceLine(position, type, cut(description == null ? type : description,
                InvoiceFields.MAX_DESCRIPTION), InvoiceFields.plain(quantity), InvoiceFields.plain(unitPrice),
                InvoiceFields.plain(taxRate), total);
    }

    private static Money rounded(Money given, Money fallback) {
        return given == null ? fallback : given.rounded();
    }

    /** The invoice with its lines; 404 when the tenant has no such invoice. */
    @Transactional(readOnly = true)
    public Invoice get(TenantId tenant, InvoiceId id) {
        return store.find(tenant, id).orElseThrow(() -> InvoiceProblems.notFound(id));
    }

    /** A page of the tenant's invoices, newest first. */
    @Transactional(readOnly = true)
    public ResultPage<Invoice> search(TenantId tenant, Query query) {
        FieldErrors errors = new FieldErrors();
        InvoiceStatus status = null;
        if (query.status() != null && !query.status().isBlank()) {
            status = InvoiceStatus.find(query.status()).orElse(null);
            if (status == null) {
                errors.add("status", "must be one of " + Arrays.stream(InvoiceStatus.values())
                        .map(InvoiceStatus::value).collect(Collectors.joining(", ")));
            }
        }
        ClientId client = null;
        if (query.clientId() != null && !query.clientId().isBlank()) {
            try {
                client = ClientId.parse(query.clientId(), "client_id");
            } catch (ProblemException ex) {
                errors.add("client_id", "must be a UUID");
            }
        }
        int page = query.page() == null ? 0 : query.page();
        int size = query.size() == null ? DEFAULT_PAGE_SIZE : query.size();
        if (page < 0) {
            errors.add("page", "must not be negative");
        }
        if (size < 1 || size > properties.maxPageSize()) {
            errors.add("size", "must be from 1 to " + properties.maxPageSize());
        }
        errors.throwIfAny();
        return store.search(tenant, new InvoiceStore.Filter(status, client, query.overdue(), today(tenant), page,
                size));
    }

    /**
     * Changes a draft: the fields named in {@code fields} take the values of {@code changes} (null clears), the rest
     * stay; {@code lines} replaces all lines. 409 {@code invoice-not-draft} once issued.
     */
    @Transactional
    public Invoice update(TenantId tenant, InvoiceId id, InvoiceDraft changes, Set<String> fields) {
        Invoice invoice = store.lock(tenant, id).orElseThrow(() -> InvoiceProblems.notFound(id));
        invoice.requireDraft();
        FieldErrors errors = new FieldErrors();
        ClientId client = invoice.clientId();
        if (fields.contains("client_id")) {
            ClientId changed = client(tenant, changes.clientId(), errors);
            client = changed == null ? client : changed;
        }
        Currency currency = fields.contains("currency")
                ? InvoiceFields.currency(changes.currency(), tenantCurrency(tenant), errors)
                : invoice.currency();
        List<InvoiceLine> lines = fields.contains("lines")
                ? InvoiceFields.lines(changes.lines(), currency, errors)
                : relined(invoice.lines(), currency, errors);
        String notes = fields.contains("notes") ? InvoiceFields.notes(changes.notes(), errors) : invoice.notes();
        String reference = fields.contains("payment_reference")
                ? InvoiceFields.paymentReference(changes.paymentReference(), errors)
                : invoice.paymentReference();
        Integer terms = fields.contains("payment_terms_days")
                ? InvoiceFields.paymentTermsDays(changes.paymentTermsDays(), errors)
                : invoice.paymentTermsDays();
        errors.throwIfAny();
        invoice.revise(client, currency, lines, notes, reference, terms, clock.instant());
        store.update(invoice);
        store.replaceLines(invoice);
        return invoice;
    }

    /** The current lines again, with their totals in {@code currency} (which may just have changed). */
    private static List<InvoiceLine> relined(List<InvoiceLine> lines, Currency currency, FieldErrors errors) {
        return InvoiceFields.lines(lines.stream()
                .map(l -> new LineDraft(l.type(), l.description(), l.quantity(), l.unitPrice(), l.taxRate()))
                .toList(), currency, errors);
    }

    /** Deletes a draft; 409 {@code invoice-not-deletable} for an issued invoice (void it instead). */
    @Transactional
    public void delete(TenantId tenant, InvoiceId id) {
        Invoice invoice = store.lock(tenant, id).orElseThrow(() -> InvoiceProblems.notFound(id));
        invoice.requireDeletable();
        store.delete(tenant, id);
    }

    /**
     * Issues a draft: the tenant's next number (gap-free: taken in this transaction), today as issue date, the due
     * date after the payment terms, and the tenant's banking details as they are now.
     */
    @Transactional
    public Invoice issue(TenantId tenant, InvoiceId id) {
        Invoice invoice = store.lock(tenant, id).orElseThrow(() -> InvoiceProblems.notFound(id));
        invoice.requireDraft();
        if (invoice.lines().isEmpty()) {
            throw InvoiceProblems.noLines(invoice);
        }
        Instant now = clock.instant();
        String number = number(store.nextNumber(tenant));
        BankingDetails banking = tenants.find(tenant).map(Tenant::banking).map(BankingDetails::of).orElse(null);
        invoice.issue(number, today(tenant), properties.paymentTermsDays(), banking, now);
        store.update(invoice);
        events.publishEvent(new InvoiceIssued(tenant, invoice.id(), number, invoice.clientId(), invoice.quoteId(),
                invoice.total(), invoice.issueDate(), invoice.dueDate(), now));
        events.publishEvent(ClientInteraction.forClient(tenant, invoice.clientId(), ActivityType.INVOICE_ISSUED, now,
                "Invoice " + number + " issued: " + invoice.total(), "invoice", invoice.id().toString(),
                "invoice-issued:" + invoice.id()));
        if (invoice.status() == InvoiceStatus.PAID) {
            paid(invoice, now);
        }
        return invoice;
    }

    /** {@code INV-000123}: the prefix and the number padded to the configured digits. */
    String number(long sequence) {
        return properties.numberPrefix() + String.format(Locale.ROOT, "%0" + properties.numberDigits() + "d",
                sequence);
    }

    /** Voids an issued or partially paid invoice; it keeps its number and payments. */
    @Transactional
    public Invoice voidInvoice(TenantId tenant, InvoiceId id, String reason) {
        FieldErrors errors = new FieldErrors();
        String why = InvoiceFields.text(reason);
        if (why == null) {
            errors.add("reason", "is required");
        } else if (why.length() > InvoiceFields.MAX_VOID_REASON) {
            errors.add("reason", "at most " + InvoiceFields.MAX_VOID_REASON + " characters");
        }
        Invoice invoice = store.lock(tenant, id).orElseThrow(() -> InvoiceProblems.notFound(id));
        errors.throwIfAny();
        Instant now = clock.instant();
        invoice.voidFor(why, now);
        store.update(invoice);
        events.publishEvent(new InvoiceVoided(tenant, invoice.id(), invoice.number(), invoice.clientId(), now));
        return invoice;
    }

    /**
     * Records a payment in the invoice's currency: 400 naming the field for a bad amount, currency, date or method;
     * 409 {@code invoice-not-payable} for a draft or void invoice; 422 {@code invoice-overpayment} above the
     * balance.
     */
    @Transactional
    public Recorded recordPayment(TenantId tenant, InvoiceId id, PaymentDraft draft, UUID user) {
        Invoice invoice = store.lock(tenant, id).orElseThrow(() -> InvoiceProblems.notFound(id));
        FieldErrors errors = new FieldErrors();
        if (draft == null) {
            errors.add("body", "is required");
            errors.throwIfAny();
        }
        Currency currency = invoice.currency();
        if (draft.currency() != null && !currency.getCurrencyCode().equalsIgnoreCase(draft.currency().trim())) {
            errors.add("currency", "must be the invoice currency " + currency.getCurrencyCode());
        }
        BigDecimal amount = draft.amount();
        if (amount == null) {
            errors.add("amount", "is required");
        } else if (amount.signum() <= 0) {
            errors.add("amount", "must be more than 0");
        } else if (InvoiceFields.scale(amount) > Money.scaleOf(currency)) {
            errors.add("amount", "at most " + Money.scaleOf(currency) + " decimals in " + currency.getCurrencyCode());
        }
        LocalDate today = today(tenant);
        LocalDate date = draft.date() == null ? today : draft.date();
        if (date.isAfter(today)) {
            errors.add("date", "must not be in the future");
        }
        PaymentMethod method = PaymentMethod.find(draft.method()).orElse(null);
        if (method == null) {
            errors.add("method", "must be one of eft, card, cash, other");
        }
        String reference = InvoiceFields.reference(draft.reference(), errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        Payment payment = invoice.pay(Money.of(amount, currency), date, method, reference, user, now);
        store.insertPayment(tenant, payment);
        store.update(invoice);
        if (invoice.status() == InvoiceStatus.PAID) {
            paid(invoice, now);
        }
        return new Recorded(payment, invoice);
    }

    private void paid(Invoice invoice, Instant now) {
        events.publishEvent(new InvoicePaid(invoice.tenantId(), invoice.id(), invoice.number(), invoice.clientId(),
                invoice.total(), now));
        events.publishEvent(ClientInteraction.forClient(invoice.tenantId(), invoice.clientId(),
                ActivityType.INVOICE_PAID, now, "Invoice " + invoice.number() + " paid: " + invoice.total(),
                "invoice", invoice.id().toString(), "invoice-paid:" + invoice.id()));
    }

    /** The payments of the invoice in the order they were made; 404 when the tenant has no such invoice. */
    @Transactional(readOnly = true)
    public List<Payment> payments(TenantId tenant, InvoiceId id) {
        Invoice invoice = get(tenant, id);
        return store.payments(tenant, id, invoice.currency());
    }

    /** Today in the tenant's time zone (UTC for a tenant without configuration). */
    public LocalDate today(TenantId tenant) {
        return LocalDate.now(clock.withZone(zone(tenant)));
    }

    ZoneId zone(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::timezone).orElse(ZoneOffset.UTC);
    }

    private Currency tenantCurrency(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::currency).orElse(FALLBACK_CURRENCY);
    }

    /** The client named by {@code client_id}: required, a client of the tenant, neither merged nor erased. */
    private ClientId client(TenantId tenant, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add("client_id", "is required");
            return null;
        }
        ClientId id;
        try {
            id = ClientId.parse(value, "client_id");
        } catch (ProblemException ex) {
            errors.add("client_id", "must be a UUID");
            return null;
        }
        Optional<ClientView> client = clients.find(tenant, id);
        if (client.isEmpty()) {
            errors.add("client_id", "is not a client of this tenant");
        } else if (client.get().mergedInto() != null) {
            errors.add("client_id", "was merged into client " + client.get().mergedInto() + "; use that one");
        } else if (client.get().erasedAt() != null) {
            errors.add("client_id", "was erased");
        }
        return id;
    }

    /** The client a quote's client was merged into, if it was; the client itself otherwise. */
    private ClientId followMerges(TenantId tenant, ClientId client) {
        ClientId current = client;
        for (int hops = 0; hops < 10; hops++) {
            Optional<ClientId> into = clients.find(tenant, current).map(ClientView::mergedInto);
            if (into.isEmpty()) {
                return current;
            }
            current = into.get();
        }
        return current;
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
