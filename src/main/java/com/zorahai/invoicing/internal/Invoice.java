package com.zorahai.invoicing.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.platform.Money;
import com.zorahai.quoting.QuoteId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * An invoice. Its state changes only through methods that check the rules: a draft is revised, issued (number,
 * dates, banking snapshot) or deleted; an issued invoice takes payments until paid, or is voided; it is never
 * deleted.
 */
public final class Invoice {

    private final InvoiceId id;
    private final TenantId tenantId;
    private final QuoteId quoteId;
    private final Integer quoteRevision;
    private final UUID createdBy;
    private final Instant createdAt;
    private String number;
    private InvoiceStatus status;
    private ClientId clientId;
    private Currency currency;
    private Integer paymentTermsDays;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private List<InvoiceLine> lines;
    private Money subtotal;
    private Money tax;
    private Money total;
    private Money amountPaid;
    private String paymentReference;
    private BankingDetails banking;
    private String notes;
    private Instant issuedAt;
    private Instant paidAt;
    private Instant voidedAt;
    private String voidReason;
    private Instant updatedAt;

    Invoice(InvoiceId id, TenantId tenantId, String number, InvoiceStatus status, QuoteId quoteId,
            Integer quoteRevision, ClientId clientId, Currency currency, Integer paymentTermsDays,
            LocalDate issueDate, LocalDate dueDate, List<InvoiceLine> lines, Money subtotal, Money tax, Money total,
            Money amountPaid, String paymentReference, BankingDetails banking, String notes, UUID createdBy,
            Instant issuedAt, Instant paidAt, Instant voidedAt, String voidReason, Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.number = number;
        this.status = status;
        this.quoteId = quoteId;
        this.quoteRevision = quoteRevision;
        this.clientId = clientId;
        this.currency = currency;
        this.paymentTermsDays = paymentTermsDays;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.lines = lines == null ? List.of() : List.copyOf(lines);
        this.subtotal = subtotal;
        this.tax = tax;
        this.total = total;
        this.amountPaid = amountPaid;
        this.paymentReference = paymentReference;
        this.banking = banking;
        this.notes = notes;
        this.createdBy = createdBy;
        this.issuedAt = issuedAt;
        this.paidAt = paidAt;
        this.voidedAt = voidedAt;
        this.voidReason = voidReason;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new draft; its totals are worked out from the lines. */
    static Invoice draft(TenantId tenantId, ClientId clientId, Currency currency, List<InvoiceLine> lines,
            String notes, String paymentReference, Integer paymentTermsDays, UUID createdBy, Instant now) {
        InvoiceTotals totals = InvoiceTotals.of(lines, currency);
        return new Invoice(InvoiceId.random(), tenantId, null, InvoiceStatus.DRAFT, null, null, clientId, currency,
                paymentTermsDays, null, null, lines, totals.subtotal(), totals.tax(), totals.total(),
                Money.zero(currency).rounded(), paymentReference, null, notes, createdBy, null, null, null, null,
                now, now);
    }

    /**
     * A new draft for an accepted quote revision: its lines, and the totals the customer accepted.
     */
    static Invoice forQuote(TenantId tenantId, QuoteId quoteId, int revision, ClientId clientId, Currency currency,
            List<InvoiceLine> lines, InvoiceTotals totals, UUID createdBy, Instant now) {
        return new Invoice(InvoiceId.random(), tenantId, null, InvoiceStatus.DRAFT, quoteId, revision, clientId,
                currency, null, null, null, lines, totals.subtotal(), totals.tax(), totals.total(),
                Money.zero(currency).rounded(), null, null, null, createdBy, null, null, null, null, now, now);
    }

    /** Replaces what a draft says; 409 {@code invoice-not-draft} once it is issued. */
    void revise(ClientId clientId, Currency currency, List<InvoiceLine> lines, String notes,
            String paymentReference, Integer paymentTermsDays, Instant now) {
        requireDraft();
        InvoiceTotals totals = InvoiceTotals.of(lines, currency);
        this.clientId = clientId;
        this.currency = currency;
        this.lines = List.copyOf(lines);
        this.subtotal = totals.subtotal();
        this.tax = totals.tax();
        this.total = totals.total();
        this.amountPaid = Money.zero(currency).rounded();
        this.notes = notes;
        this.paymentReference = paymentReference;
        this.paymentTermsDays = paymentTermsDays;
        this.updatedAt = now;
    }

    /** 409 {@code invoice-not-draft} unless this is a draft. */
    void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw InvoiceProblems.notDraft(this);
        }
    }

    /**
     * Issues the draft: its number, the issue date, the due date ({@code paymentTermsDays} of its own, else
     * {@code defaultTerms}, after the issue date), the payment reference (the number unless one was given) and the
     * banking snapshot. An invoice of nothing is paid as it is issued.
     */
    void issue(String number, LocalDate issueDate, int defaultTerms, BankingDetails banking, Instant now) {
        requireDraft();
        if (lines.isEmpty()) {
            throw InvoiceProblems.noLines(this);
        }
        this.number = number;
        this.issueDate = issueDate;
        this.dueDate = issueDate.plusDays(paymentTermsDays == null ? defaultTerms : paymentTermsDays);
        this.paymentReference = paymentReference == null ? number : paymentReference;
        this.banking = banking;
        this.issuedAt = now;
        this.updatedAt = now;
        if (total.isZero()) {
            this.status = InvoiceStatus.PAID;
            this.paidAt = now;
        } else {
            this.status = InvoiceStatus.ISSUED;
        }
    }

    /**
     * Records a payment in the invoice currency: 409 {@code invoice-not-payable} for a draft or a void invoice, 422
     * {@code invoice-overpayment} when it is more than the balance. Partially paid until the balance is zero, then
     * paid.
     */
    Payment pay(Money amount, LocalDate date, PaymentMethod method, String reference, UUID recordedBy,
            Instant now) {
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOID) {
            throw InvoiceProblems.notPayable(this);
        }
        if (!amount.currency().equals(currency)) {
            throw new IllegalArgumentException("payment currency differs from the invoice currency");
        }
        if (amount.compareTo(balance()) > 0) {
            throw InvoiceProblems.overpayment(this, amount);
        }
        this.amountPaid = amountPaid.plus(amount).rounded();
        if (amountPaid.compareTo(total) == 0) {
            this.status = InvoiceStatus.PAID;
            this.paidAt = now;
        } else {
            this.status = InvoiceStatus.PARTIALLY_PAID;
        }
        this.updatedAt = now;
        return new Payment(UUID.randomUUID(), id, amount.rounded(), date, method, reference, recordedBy, now);
    }

    /** Voids an issued or partially paid invoice; 409 {@code invoice-not-voidable} otherwise. */
    void voidFor(String reason, Instant now) {
        if (!status.isOpen()) {
            throw InvoiceProblems.notVoidable(this);
        }
        this.status = InvoiceStatus.VOID;
        this.voidReason = reason;
        this.voidedAt = now;
        this.updatedAt = now;
    }

    /** 409 {@code invoice-not-deletable} unless this is a draft: issued invoices are voided, never deleted. */
    void requireDeletable() {
        if (status != InvoiceStatus.DRAFT) {
            throw InvoiceProblems.notDeletable(this);
        }
    }

    /** What is still owed: the total less the payments. */
    public Money balance() {
        return total.minus(amountPaid).rounded();
    }

    /** Open (issued or partially paid) and past its due date on {@code today}. */
    public boolean isOverdueOn(LocalDate today) {
        return status.isOpen() && dueDate != null && dueDate.isBefore(today);
    }

    public InvoiceId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String number() {
        return number;
    }

    public InvoiceStatus status() {
        return status;
    }

    public QuoteId quoteId() {
        return quoteId;
    }

    public Integer quoteRevision() {
        return quoteRevision;
    }

    public ClientId clientId() {
        return clientId;
    }

    public Currency currency() {
        return currency;
    }

    public Integer paymentTermsDays() {
        return paymentTermsDays;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public List<InvoiceLine> lines() {
        return lines;
    }

    public Money subtotal() {
        return subtotal;
    }

    public Money tax() {
        return tax;
    }

    public Money total() {
        return total;
    }

    public Money amountPaid() {
        return amountPaid;
    }

    public String paymentReference() {
        return paymentReference;
    }

    public BankingDetails banking() {
        return banking;
    }

    public String notes() {
        return notes;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant voidedAt() {
        return voidedAt;
    }

    public String voidReason() {
        return voidReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
