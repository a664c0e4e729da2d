package com.zorahai.invoicing.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.platform.Money;
import com.zorahai.quoting.QuoteId;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invoice tables: invoices with their lines, the per-tenant number counter, payments and reminders. Every
 * query names the tenant.
 */
@Component
class InvoiceStore {

    private static final String COLUMNS = """
            i.id, i.tenant_id, i.number, i.status, i.quote_id, i.quote_revision, i.client_id, i.currency,
            i.payment_terms_days, i.issue_date, i.due_date, i.subtotal, i.tax, i.total, i.amount_paid,
            i.payment_reference, i.banking::text as banking, i.notes, i.created_by, i.issued_at, i.paid_at,
            i.voided_at, i.void_reason, i.created_at, i.updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InvoiceStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts the invoice and its lines; {@code false} (and nothing written) when its quote already has an invoice
     * that is not void.
     */
    boolean insert(Invoice invoice) {
        int inserted = jdbc.sql("""
                insert into invoices (id, tenant_id, number, status, quote_id, quote_revision, client_id, currency,
                                      payment_terms_days, issue_date, due_date, subtotal, tax, total, amount_paid,
                                      payment_reference, banking, notes, created_by, issued_at, paid_at, voided_at,
                                      void_reason, created_at, updated_at)
                values (:id, :tenant, :number, :status, :quote, :revision, :client, :currency, :terms, :issueDate,
                        :dueDate, :subtotal, :tax, :total, :paid, :reference, cast(:banking as jsonb), :notes,
                        :createdBy, :issuedAt, :paidAt, :voidedAt, :voidReason, :createdAt, :updatedAt)
                on conflict (tenant_id, quote_id) where quote_id is not null and status <> 'void' do nothing""")
                .params(params(invoice))
                .update();
        if (inserted == 0) {
            return false;
        }
        insertLines(invoice);
        return true;
    }

    /** Writes everything about the invoice that can change. */
    void update(Invoice invoice) {
        jdbc.sql("""
                update invoices set number = :number, status = :status, client_id = :client, currency = :currency,
                       payment_terms_days = :terms, issue_date = :issueDate, due_date = :dueDate,
                       subtotal = :subtotal, tax = :tax, total = :total, amount_paid = :paid,
                       payment_reference = :reference, banking = cast(:banking as jsonb), notes = :notes,
                       issued_at = :issuedAt, paid_at = :paidAt, voided_at = :voidedAt, void_reason = :voidReason,
                       updated_at = :updatedAt
                where tenant_id = :tenant and id = :id""")
                .params(params(invoice))
                .update();
    }

    /** Replaces the lines of the invoice with its current ones. */
    void replaceLines(Invoice invoice) {
        jdbc.sql("delete from invoice_lines where tenant_id = ? and invoice_id = ?")
                .params(invoice.tenantId().value(), invoice.id().value())
                .update();
        insertLines(invoice);
    }

    private void insertLines(Invoice invoice) {
        for (InvoiceLine line : invoice.lines()) {
            jdbc.sql("""
                    insert into invoice_lines (invoice_id, tenant_id, position, type, description, quantity,
                                               unit_price, tax_rate, total)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(invoice.id().value(), invoice.tenantId().value(), line.position(), line.type(),
                            line.description(), line.quantity(), line.unitPrice(), line.taxRate(),
                            line.total().amount())
                    .update();
        }
    }

    /** The invoice with its lines, if the tenant has it. */
    Optional<Invoice> find(TenantId tenant, InvoiceId id) {
        return jdbc.sql("select " + COLUMNS + " from invoices i where i.tenant_id = ? and i.id = ?")
                .params(tenant.value(), id.value())
                .query((rs, n) -> row(rs, null))
                .optional()
                .map(invoice -> withLines(invoice));
    }

    /** The invoice with its lines, locked until the transaction ends, if the tenant has it. */
    Optional<Invoice> lock(TenantId tenant, InvoiceId id) {
        return jdbc.sql("select " + COLUMNS + " from invoices i where i.tenant_id = ? and i.id = ? for update")
                .params(tenant.value(), id.value())
                .query((rs, n) -> row(rs, null))
                .optional()
                .map(invoice -> withLines(invoice));
    }

    private Invoice withLines(Invoice invoice) {
        List<InvoiceLine> lines = jdbc.sql("""
                select position, type, description, quantity, unit_price, tax_rate, total
                from invoice_lines where tenant_id = ? and invoice_id = ? order by position""")
                .params(invoice.tenantId().value(), invoice.id().value())
                .query((rs, n) -> new InvoiceLine(rs.getInt("position"), rs.getString("type"),
                        rs.getString("description"), plain(rs.getBigDecimal("quantity")),
                        plain(rs.getBigDecimal("unit_price")), plain(rs.getBigDecimal("tax_rate")),
                        money(rs.getBigDecimal("total"), invoice.currency())))
                .list();
        return copyWithLines(invoice, lines);
    }

    /** The invoice of the quote that is not void, if any. */
    Optional<InvoiceId> liveForQuote(TenantId tenant, QuoteId quote) {
        return jdbc.sql("select id from invoices where tenant_id = ? and quote_id = ? and status <> 'void'")
                .params(tenant.value(), quote.value())
                .query((rs, n) -> InvoiceId.of(rs.getObject(1, UUID.class)))
                .optional();
    }

    void delete(TenantId tenant, InvoiceId id) {
        jdbc.sql("delete from invoices where tenant_id = ? and id = ? and status = 'draft'")
                .params(tenant.value(), id.value())
                .update();
    }

    /**
     * The tenant's next invoice number. The counter row stays locked until the transaction ends, so concurrent
     * issuers of one tenant take turns, and a rollback gives the number back: numbers are gap-free.
     */
    long nextNumber(TenantId tenant) {
        return jdbc.sql("""
                insert into invoice_counters (tenant_id, last_number) values (?, 1)
                on conflict (tenant_id) do update set last_number = invoice_counters.last_number + 1,
                                                      updated_at = now()
                returning last_number""")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    /** A page of the tenant's invoices, newest first, without their lines. */
    ResultPage<Invoice> search(TenantId tenant, Filter filter) {
        StringBuilder where = new StringBuilder(" from invoices i where i.tenant_id = :tenant");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        if (filter.status() != null) {
            where.append(" and i.status = :status");
            params.put("status", filter.status().value());
        }
        if (filter.clientId() != null) {
            where.append(" and i.client_id = :client");
            params.put("client", filter.clientId().value());
        }
        if (filter.overdue() != null) {
            params.put("today", filter.today());
            where.append(filter.overdue()
                    ? " and i.status in ('issued', 'partially_paid') and i.due_date < :today"
                    : " and not (i.status in ('issued', 'partially_paid') and i.due_date < :today)");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.put("limit", filter.size());
        params.put("offset", (long) filter.page() * filter.size());
        List<Invoice> items = jdbc.sql("select " + COLUMNS + where
                + " order by i.created_at desc, i.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> row(rs, List.of()))
                .list();
        return new ResultPage<>(items, filter.page(), filter.size(), total);
    }

    /** What a list of invoices is narrowed by; null filters match everything. */
    record Filter(InvoiceStatus status, ClientId clientId, Boolean overdue, LocalDate today, int page, int size) {
    }

    /** The client's invoices, oldest first, without their lines. */
    List<Invoice> forClient(TenantId tenant, ClientId client) {
        return jdbc.sql("select " + COLUMNS + " from invoices i where i.tenant_id = ? and i.client_id = ?"
                + " order by i.created_at, i.id")
                .params(tenant.value(), client.value())
                .query((rs, n) -> row(rs, List.of()))
                .list();
    }

    /** Points the invoices of {@code from} at {@code to}; how many moved. */
    int reassignClient(TenantId tenant, ClientId from, ClientId to) {
        return jdbc.sql("update invoices set client_id = ?, updated_at = now() where tenant_id = ? and client_id = ?")
                .params(to.value(), tenant.value(), from.value())
                .update();
    }

    void insertPayment(TenantId tenant, Payment payment) {
        jdbc.sql("""
                insert into invoice_payments (id, tenant_id, invoice_id, amount, paid_on, method, reference,
                                              recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(payment.id(), tenant.value(), payment.invoiceId().value(), payment.amount().amount(),
                        payment.date(), payment.method().value(), payment.reference(), payment.recordedBy(),
                        Timestamp.from(payment.recordedAt()))
                .update();
    }

    /** The payments of the invoice in the order they were made. */
    List<Payment> payments(TenantId tenant, InvoiceId invoice, Currency currency) {
        return jdbc.sql("""
                select id, amount, paid_on, method, reference, recorded_by, recorded_at from invoice_payments
                where tenant_id = ? and invoice_id = ? order by paid_on, recorded_at, id""")
                .params(tenant.value(), invoice.value())
                .query((rs, n) -> new Payment(rs.getObject("id", UUID.class), invoice,
                        money(rs.getBigDecimal("amount"), currency), rs.getObject("paid_on", LocalDate.class),
                        PaymentMethod.find(rs.getString("method")).orElse(PaymentMethod.OTHER),
                        rs.getString("reference"), rs.getObject("recorded_by", UUID.class),
                        instant(rs, "recorded_at")))
                .list();
    }

    /**
     * Open invoices of every tenant whose due date is before {@code day}, by due date and id, after the invoice
     * {@code (afterDue, afterId)} when given; without lines.
     */
    List<Invoice> openDueBefore(LocalDate day, LocalDate afterDue, UUID afterId, int limit) {
        String after = afterDue == null ? "" : " and (i.due_date, i.id) > (:afterDue, :afterId)";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("day", day);
        params.put("afterDue", afterDue);
        params.put("afterId", afterId);
        params.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + " from invoices i where i.status in ('issued', 'partially_paid')"
                + " and i.due_date < :day" + after + " order by i.due_date, i.id limit :limit")
                .params(params)
                .query((rs, n) -> row(rs, List.of()))
                .list();
    }

    /**
     * Records that the reminder {@code kind} of the invoice goes out today; {@code false} when it was sent
     * before. The row commits with the email it records, or not at all.
     */
    boolean claimReminder(Invoice invoice, String kind, LocalDate sentOn) {
        return jdbc.sql("""
                insert into invoice_reminders (invoice_id, tenant_id, kind, sent_on) values (?, ?, ?, ?)
                on conflict (invoice_id, kind) do nothing""")
                .params(invoice.id().value(), invoice.tenantId().value(), kind, sentOn)
                .update() == 1;
    }

    void reminderEmail(Invoice invoice, String kind, UUID emailId) {
        jdbc.sql("update invoice_reminders set email_id = ? where invoice_id = ? and kind = ?")
                .params(emailId, invoice.id().value(), kind)
                .update();
    }

    /** The reminder kinds sent for the invoice, by when. */
    List<Reminder> reminders(TenantId tenant, InvoiceId invoice) {
        return jdbc.sql("select kind, sent_on, email_id from invoice_reminders where tenant_id = ? and invoice_id = ?"
                + " order by sent_on, kind")
                .params(tenant.value(), invoice.value())
                .query((rs, n) -> new Reminder(rs.getString("kind"), rs.getObject("sent_on", LocalDate.class),
                        rs.getObject("email_id", UUID.class)))
                .list();
    }

    /** A reminder sent for an invoice. */
    record Reminder(String kind, LocalDate sentOn, UUID emailId) {
    }

    private Map<String, Object> params(Invoice invoice) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", invoice.id().value());
        params.put("tenant", invoice.tenantId().value());
        params.put("number", invoice.number());
        params.put("status", invoice.status().value());
        params.put("quote", invoice.quoteId() == null ? null : invoice.quoteId().value());
        params.put("revision", invoice.quoteRevision());
        params.put("client", invoice.clientId().value());
        params.put("currency", invoice.currency().getCurrencyCode());
        params.put("terms", invoice.paymentTermsDays());
        params.put("issueDate", invoice.issueDate());
        params.put("dueDate", invoice.dueDate());
        params.put("subtotal", invoice.subtotal().amount());
        params.put("tax", invoice.tax().amount());
        params.put("total", invoice.total().amount());
        params.put("paid", invoice.amountPaid().amount());
        params.put("reference", invoice.paymentReference());
        params.put("banking", invoice.banking() == null ? null : json.writeValueAsString(invoice.banking()));
        params.put("notes", invoice.notes());
        params.put("createdBy", invoice.createdBy());
        params.put("issuedAt", ts(invoice.issuedAt()));
        params.put("paidAt", ts(invoice.paidAt()));
        params.put("voidedAt", ts(invoice.voidedAt()));
        params.put("voidReason", invoice.voidReason());
        params.put("createdAt", ts(invoice.createdAt()));
        params.put("updatedAt", ts(invoice.updatedAt()));
        return params;
    }

    private Invoice row(ResultSet rs, List<InvoiceLine> lines) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        UUID quote = rs.getObject("quote_id", UUID.class);
        String banking = rs.getString("banking");
        int terms = rs.getInt("payment_terms_days");
        Integer paymentTerms = rs.wasNull() ? null : terms;
        int revision = rs.getInt("quote_revision");
        Integer quoteRevision = rs.wasNull() ? null : revision;
        return new Invoice(InvoiceId.of(rs.getObject("id", UUID.class)), TenantId.of(rs.getString("tenant_id")),
                rs.getString("number"), InvoiceStatus.find(rs.getString("status")).orElseThrow(),
                quote == null ? null : QuoteId.of(quote), quoteRevision,
                ClientId.of(rs.getObject("client_id", UUID.class)), currency, paymentTerms,
                rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class), lines,
                money(rs.getBigDecimal("subtotal"), currency), money(rs.getBigDecimal("tax"), currency),
                money(rs.getBigDecimal("total"), currency), money(rs.getBigDecimal("amount_paid"), currency),
                rs.getString("payment_reference"),
                banking == null ? null : json.readValue(banking, BankingDetails.class), rs.getString("notes"),
                rs.getObject("created_by", UUID.class), instant(rs, "issued_at"), instant(rs, "paid_at"),
                instant(rs, "voided_at"), rs.getString("void_reason"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Invoice copyWithLines(Invoice i, List<InvoiceLine> lines) {
        return new Invoice(i.id(), i.tenantId(), i.number(), i.status(), i.quoteId(), i.quoteRevision(),
                i.clientId(), i.currency(), i.paymentTermsDays(), i.issueDate(), i.dueDate(), lines, i.subtotal(),
                i.tax(), i.total(), i.amountPaid(), i.paymentReference(), i.banking(), i.notes(), i.createdBy(),
                i.issuedAt(), i.paidAt(), i.voidedAt(), i.voidReason(), i.createdAt(), i.updatedAt());
    }

    /** A stored amount at the currency's scale (amounts are stored already rounded). */
    static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency).rounded();
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
