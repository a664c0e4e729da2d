package com.zorahai.invoicing.internal;

import com.zorahai.crm.Address;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.documents.DocumentClient;
import com.zorahai.documents.DocumentLine;
import com.zorahai.documents.DocumentPayment;
import com.zorahai.documents.Documents;
import com.zorahai.documents.InvoiceDocument;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The invoice as a document: its PDF (the tenant's {@code documents/invoice} template rendered by the documents
 * module) and the email that carries it to the client.
 */
@Service
public class InvoiceDocuments {

    static final String EMAIL_TEMPLATE = "email/invoice";
    static final String REMINDER_TEMPLATE = "email/invoice-reminder";
    private static final Pattern FILE_NAME_UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final InvoiceRecords records;
    private final TravelerRecords travelers;
    private final InvoiceStore store;
    private final Clients clients;
    private final Tenants tenants;
    private final Documents documents;
    private final Emails emails;

    InvoiceDocuments(InvoiceRecords records, TravelerRecords travelers, InvoiceStore store, Clients clients,
            Tenants tenants, Documents documents, Emails emails) {
        this.records = records;
        this.travelers = travelers;
        this.store = store;
        this.clients = clients;
        this.tenants = tenants;
        this.documents = documents;
        this.emails = emails;
    }

    /** A rendered PDF and the file name it goes by. */
    public record Pdf(String filename, byte[] content) {
    }

    /** An email queued for an invoice. */
    public record Sent(UUID emailId, String to) {
    }

    /** The invoice's PDF; 404 when the tenant has no such invoice. Drafts render too (the template marks them). */
    public Pdf pdf(TenantId tenant, InvoiceId id) {
        Invoice invoice = records.get(tenant, id);
        return new Pdf(filename(invoice), render(invoice));
    }

    /**
     * Renders the PDF and queues it by email to {@code to}, else to the client's first email address. Once per
     * issued invoice: sending again answers the email queued the first time. 409 for a draft or void invoice, 422
     * {@code invoice-no-recipient} when there is no address.
     */
    public Sent send(TenantId tenant, InvoiceId id, String to) {
        Invoice invoice = records.get(tenant, id);
        if (!invoice.status().isOpen() && invoice.status() != InvoiceStatus.PAID) {
            throw InvoiceProblems.notSendable(invoice);
        }
        Optional<ClientView> client = clients.find(tenant, invoice.clientId());
        String recipient = to != null && !to.isBlank()
                ? to.strip()
                : client.filter(c -> !c.emails().isEmpty()).map(c -> c.emails().getFirst()).orElse(null);
        if (recipient == null) {
            throw InvoiceProblems.noRecipient(invoice);
        }
        byte[] pdf = render(invoice);
        Optional<Tenant> config = tenants.find(tenant);
        Map<String, Object> model = emailModel(invoice, client, config);
        String subject = "Invoice " + invoice.number() + config.map(t -> " from " + t.name()).orElse("");
        UUID emailId;
        try {
            emailId = emails.queue(new OutboundEmail(tenant, List.of(recipient), List.of(), subject, EMAIL_TEMPLATE,
                    model, null, null, List.of(new OutboundEmail.Attachment(filename(invoice), "application/pdf",
                            pdf)),
                    "invoice:" + invoice.id() + ":" + invoice.number()));
        } catch (ProblemException ex) {
            if ("validation-failed".equals(ex.type()) && ex.detail() != null && ex.detail().startsWith("to")) {
                throw ProblemException.invalidField("to", "must be an email address");
            }
            throw ex;
        }
        return new Sent(emailId, recipient);
    }

    byte[] render(Invoice invoice) {
        return documents.invoicePdf(invoice.tenantId(), document(invoice));
    }

    /**
     * The invoice as its PDF shows it: number ({@code DRAFT} before issue), dates, client (name, email, address),
     * traveller names (never their passport data), lines, sums, payments, balance, banking details (the snapshot
     * taken at issue, the tenant's current ones for a draft), payment reference and notes.
     */
    InvoiceDocument document(Invoice invoice) {
        TenantId tenant = invoice.tenantId();
        ClientView client = clients.find(tenant, invoice.clientId()).filter(c -> c.erasedAt() == null).orElse(null);
        List<String> travellers = travelers.list(tenant, invoice.id()).stream()
                .filter(t -> t.erasedAt() == null)
                .map(Traveler::fullName)
                .toList();
        List<DocumentLine> lines = invoice.lines().stream()
                .map(line -> new DocumentLine(line.description(), line.quantity(),
                        Money.of(line.unitPrice(), invoice.currency()), line.total()))
                .toList();
        List<DocumentPayment> payments = store.payments(tenant, invoice.id(), invoice.currency()).stream()
                .map(payment -> new DocumentPayment(payment.date(), payment.method().value(), payment.reference(),
                        payment.amount()))
                .toList();
        BankingDetails banking = invoice.banking() != null
                ? invoice.banking()
                : tenants.find(tenant).map(Tenant::banking).map(BankingDetails::of).orElse(null);
        return new InvoiceDocument(invoice.number() == null ? "DRAFT" : invoice.number(), invoice.issueDate(),
                invoice.dueDate(), null, documentClient(client), null, null, null, travellers, lines,
                invoice.subtotal(), invoice.tax(), invoice.total(), payments, invoice.balance(),
                invoice.paymentReference(), banking == null
                        ? null
                        : new Tenant.Banking(banking.bankName(),
                                banking.accountName(), banking.accountNumber(), banking.branchCode(), banking.swift(),
                                banking.iban()),
                invoice.notes());
    }

    private static DocumentClient documentClient(ClientView client) {
        if (client == null) {
            return new DocumentClient("", null, null, null);
        }
        Address address = client.address();
        String lines = address == null
                ? null
                : Stream.of(address.line1(), address.line2(), address.city(), address.region(),
                        address.postalCode(), address.country())
                        .filter(part -> part != null && !part.isBlank())
                        .collect(Collectors.joining(", "));
        return new DocumentClient(client.name(), client.emails().isEmpty() ? null : client.emails().getFirst(),
                client.phones().isEmpty() ? null : client.phones().getFirst(), lines == null || lines.isEmpty()
                        ? null
                        : lines);
    }

    /** What the invoice and reminder emails see: the invoice's main facts, dates and amounts as people read them. */
    Map<String, Object> emailModel(Invoice invoice, Optional<ClientView> client, Optional<Tenant> tenant) {
        Locale locale = tenant.map(Tenant::locale).orElse(Locale.ENGLISH);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("clientName", client.filter(ClientView::isLive).map(ClientView::name).orElse(null));
        model.put("number", invoice.number());
        model.put("issueDate", invoice.issueDate());
        model.put("dueDate", invoice.dueDate());
        model.put("total", format(invoice.total(), locale));
        model.put("balance", format(invoice.balance(), locale));
        model.put("paymentReference", invoice.paymentReference());
        model.put("banking", banking(invoice.banking()));
        return model;
    }

    private static Map<String, Object> banking(BankingDetails banking) {
        if (banking == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bankName", banking.bankName());
        map.put("accountName", banking.accountName());
        map.put("accountNumber", banking.accountNumber());
        map.put("branchCode", banking.branchCode());
        map.put("swift", banking.swift());
        map.put("iban", banking.iban());
        return map;
    }

    /** {@code ZAR 1,234.50} in the tenant's locale, at the currency's scale. */
    static String format(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int scale = Money.scaleOf(money.currency());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        BigDecimal amount = money.rounded().amount();
        return money.currency().getCurrencyCode() + " " + format.format(amount);
    }

    static String filename(Invoice invoice) {
        String name = invoice.number() != null ? invoice.number() : "draft-invoice-" + invoice.id();
        return FILE_NAME_UNSAFE.matcher(name).replaceAll("_") + ".pdf";
    }
}
