package com.zorahai.invoicing.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.invoicing.internal.Invoice;
import com.zorahai.invoicing.internal.InvoiceDocuments;
import com.zorahai.invoicing.internal.InvoiceDraft;
import com.zorahai.invoicing.internal.InvoiceRecords;
import com.zorahai.invoicing.internal.PaymentDraft;
import com.zorahai.invoicing.web.InvoiceJson.FromQuoteRequest;
import com.zorahai.invoicing.web.InvoiceJson.InvoiceResponse;
import com.zorahai.invoicing.web.InvoiceJson.InvoiceSummary;
import com.zorahai.invoicing.web.InvoiceJson.PageResponse;
import com.zorahai.invoicing.web.InvoiceJson.PaymentRecorded;
import com.zorahai.invoicing.web.InvoiceJson.PaymentResponse;
import com.zorahai.invoicing.web.InvoiceJson.SendRequest;
import com.zorahai.invoicing.web.InvoiceJson.SentResponse;
import com.zorahai.invoicing.web.InvoiceJson.VoidRequest;
import com.zorahai.platform.ProblemException;
import com.zorahai.platform.web.JsonFieldPaths;
import com.zorahai.quoting.QuoteId;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's invoices. Every role reads; owners, admins and consultants create, change, issue, take payments and
 * send; voiding takes an owner or admin.
 */
@RestController
class InvoiceController {

    static final String INVOICES = "/api/v1/invoices";
    static final String WRITERS = "hasAnyRole('OWNER','ADMIN','CONSULTANT')";

    private final InvoiceRecords records;
    private final InvoiceDocuments documents;
    private final CurrentTenant currentTenant;
    private final JsonMapper json;

    InvoiceController(InvoiceRecords records, InvoiceDocuments documents, CurrentTenant currentTenant,
            JsonMapper json) {
        this.records = records;
        this.documents = documents;
        this.currentTenant = currentTenant;
        this.json = json;
    }

    /** A standalone draft. */
    @PostMapping(path = INVOICES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITERS)
    ResponseEntity<InvoiceResponse> create(@RequestBody InvoiceDraft draft,
            @AuthenticationPrincipal AuthenticatedUser user) {
        TenantId tenant = tenant();
        Invoice invoice = records.create(tenant, draft, user.userId());
        return ResponseEntity.created(location(invoice.id())).body(response(tenant, invoice));
    }

    /** A draft from the accepted revision of a quote: its lines and totals. */
    @PostMapping(path = INVOICES + ":from-quote", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITERS)
    ResponseEntity<InvoiceResponse> fromQuote(@RequestBody FromQuoteRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        TenantId tenant = tenant();
        QuoteId quote = quoteId(request == null ? null : request.quoteId());
        Invoice invoice = records.fromQuote(tenant, quote, user.userId());
        return ResponseEntity.created(location(invoice.id())).body(response(tenant, invoice));
    }

    /**
     * The tenant's invoices, newest first: {@code status} and {@code client_id} match exactly, {@code overdue=true}
     * keeps open invoices past their due date ({@code false} the others).
     */
    @GetMapping(INVOICES)
    PageResponse<InvoiceSummary> list(@RequestParam(required = false) String status,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        TenantId tenant = tenant();
        LocalDate today = records.today(tenant);
        return PageResponse.of(records.search(tenant, new InvoiceRecords.Query(status, clientId, overdue, page,
                size)), invoice -> InvoiceSummary.of(invoice, today));
    }

    @GetMapping(INVOICES + "/{id}")
    InvoiceResponse get(@PathVariable String id) {
        TenantId tenant = tenant();
        return response(tenant, records.get(tenant, InvoiceId.parse(id, "id")));
    }

    /** A JSON merge patch of a draft: fields left out stay, {@code null} clears, {@code lines} replaces all lines. */
    @PatchMapping(path = INVOICES + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/merge-patch+json"})
    @PreAuthorize(WRITERS)
    InvoiceResponse update(@PathVariable String id, @RequestBody JsonNode patch) {
        TenantId tenant = tenant();
        InvoiceId invoiceId = InvoiceId.parse(id, "id");
        if (patch == null || !patch.isObject()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body must be a JSON object.");
        }
        InvoiceDraft changes;
        try {
            changes = json.treeToValue(patch, InvoiceDraft.class);
        } catch (DatabindException ex) {
            throw ProblemException.invalidField(JsonFieldPaths.of(ex), ex instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : "has an invalid value");
        }
        Set<String> fields = new HashSet<>(patch.propertyNames());
        return response(tenant, records.update(tenant, invoiceId, changes, fields));
    }

    /** Deletes a draft; an issued invoice is voided instead (409). */
    @DeleteMapping(INVOICES + "/{id}")
    @PreAuthorize(WRITERS)
    ResponseEntity<Void> delete(@PathVariable String id) {
        records.delete(tenant(), InvoiceId.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    /** Gives the draft its number, issue and due dates and the tenant's banking details. */
    @PostMapping(INVOICES + "/{id}/issue")
    @PreAuthorize(WRITERS)
    InvoiceResponse issue(@PathVariable String id) {
        TenantId tenant = tenant();
        return response(tenant, records.issue(tenant, InvoiceId.parse(id, "id")));
    }

    /** Voids an issued or partially paid invoice, with a reason. */
    @PostMapping(path = INVOICES + "/{id}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    InvoiceResponse voidInvoice(@PathVariable String id, @RequestBody VoidRequest request) {
        TenantId tenant = tenant();
        return response(tenant, records.voidInvoice(tenant, InvoiceId.parse(id, "id"),
                request == null ? null : request.reason()));
    }

    @PostMapping(path = INVOICES + "/{id}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITERS)
    ResponseEntity<PaymentRecorded> pay(@PathVariable String id, @RequestBody PaymentDraft payment,
            @AuthenticationPrincipal AuthenticatedUser user) {
        TenantId tenant = tenant();
        InvoiceRecords.Recorded recorded = records.recordPayment(tenant, InvoiceId.parse(id, "id"), payment,
                user.userId());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(INVOICES + "/{id}/payments/{payment}")
                .buildAndExpand(recorded.invoice().id(), recorded.payment().id())
                .toUri();
        return ResponseEntity.created(location).body(new PaymentRecorded(PaymentResponse.of(recorded.payment()),
                response(tenant, recorded.invoice())));
    }

    @GetMapping(INVOICES + "/{id}/payments")
    PageResponse<PaymentResponse> payments(@PathVariable String id) {
        return PageResponse.all(records.payments(tenant(), InvoiceId.parse(id, "id")), PaymentResponse::of);
    }

    /** Queues the invoice PDF by email to {@code to}, else the client's first email address. */
    @PostMapping(INVOICES + "/{id}/send")
    @PreAuthorize(WRITERS)
    ResponseEntity<SentResponse> send(@PathVariable String id, @RequestBody(required = false) SendRequest request) {
        InvoiceDocuments.Sent sent = documents.send(tenant(), InvoiceId.parse(id, "id"),
                request == null ? null : request.to());
        return ResponseEntity.accepted().body(new SentResponse(sent.emailId().toString(), sent.to()));
    }

    @GetMapping(INVOICES + "/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        InvoiceDocuments.Pdf pdf = documents.pdf(tenant(), InvoiceId.parse(id, "id"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(pdf.filename()).build().toString())
                .body(pdf.content());
    }

    private InvoiceResponse response(TenantId tenant, Invoice invoice) {
        return InvoiceResponse.of(invoice, records.today(tenant));
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    private static QuoteId quoteId(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("quote_id", "is required");
        }
        try {
            return QuoteId.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException ex) {
            throw ProblemException.invalidField("quote_id", "must be a UUID");
        }
    }

    static URI location(InvoiceId id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(INVOICES + "/{id}").buildAndExpand(id)
                .toUri();
    }

}
