package com.zorahai.quoting.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.platform.ProblemException;
import com.zorahai.platform.web.JsonFieldPaths;
import com.zorahai.quoting.QuoteId;
import com.zorahai.quoting.internal.QuoteRecords;
import com.zorahai.quoting.internal.QuoteRecords.Author;
import com.zorahai.quoting.internal.QuoteRecords.Sending;
import com.zorahai.quoting.internal.StayQuotes;
import com.zorahai.quoting.web.QuoteJson.CreateRequest;
import com.zorahai.quoting.web.QuoteJson.DeclineRequest;
import com.zorahai.quoting.web.QuoteJson.DiffResponse;
import com.zorahai.quoting.web.QuoteJson.LinesRequest;
import com.zorahai.quoting.web.QuoteJson.PageResponse;
import com.zorahai.quoting.web.QuoteJson.PatchRequest;
import com.zorahai.quoting.web.QuoteJson.PriceRequest;
import com.zorahai.quoting.web.QuoteJson.PriceResponse;
import com.zorahai.quoting.web.QuoteJson.QuoteResponse;
import com.zorahai.quoting.web.QuoteJson.RevisionResponse;
import com.zorahai.quoting.web.QuoteJson.RevisionSummary;
import com.zorahai.quoting.web.QuoteJson.RevisionsResponse;
import com.zorahai.quoting.web.QuoteJson.SendRequest;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's quotes. Owners, admins and consultants create, change, send and decline them; agents only read.
 */
@RestController
class QuoteController {

    static final String QUOTES = "/api/v1/quotes";
    private static final String WRITERS = "hasAnyRole('OWNER','ADMIN','CONSULTANT')";

    private final QuoteRecords records;
    private final StayQuotes stayQuotes;
    private final CurrentTenant currentTenant;
    private final JsonMapper json;

    QuoteController(QuoteRecords records, StayQuotes stayQuotes, CurrentTenant currentTenant, JsonMapper json) {
        this.records = records;
        this.stayQuotes = stayQuotes;
        this.currentTenant = currentTenant;
        this.json = json;
    }

    @PostMapping(path = QUOTES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITERS)
    ResponseEntity<QuoteResponse> create(@RequestBody CreateRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        QuoteResponse quote = QuoteResponse.of(records.create(tenant(), author(user), request.input()));
        return ResponseEntity.created(location(quote.id())).body(quote);
    }

    /** Quotes newest first, optionally of one {@code status} and one {@code client_id}. */
    @GetMapping(QUOTES)
    PageResponse list(@RequestParam(required = false) String status,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(records.search(tenant(), status, clientId, page, size));
    }

    @GetMapping(QUOTES + "/{id}")
    QuoteResponse get(@PathVariable String id) {
        return QuoteResponse.of(records.get(tenant(), quoteId(id)));
    }

    /** Changes the fields given; after the first send a {@code reason} is required and a revision is made. */
    @PatchMapping(path = QUOTES + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/merge-patch+json"})
    @PreAuthorize(WRITERS)
    QuoteResponse update(@PathVariable String id, @RequestBody JsonNode patch,
            @AuthenticationPrincipal AuthenticatedUser user) {
        TenantId tenant = tenant();
        QuoteId quote = quoteId(id);
        PatchRequest request = read(patch);
        return QuoteResponse.of(records.update(tenant, author(user), quote,
                request.input(new HashSet<>(patch.propertyNames()))));
    }

    @GetMapping(QUOTES + "/{id}/lines")
    List<QuoteJson.LineResponse> lines(@PathVariable String id) {
        return QuoteJson.LineResponse.of(records.get(tenant(), quoteId(id)).lines());
    }

    /** Replaces the lines; the revision rule of {@code PATCH} applies. */
    @PutMapping(path = QUOTES + "/{id}/lines", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITERS)
    QuoteResponse replaceLines(@PathVariable String id, @RequestBody LinesRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        return QuoteResponse.of(records.replaceLines(tenant(), author(user), quoteId(id), request.inputs(),
                request.reason()));
    }

    @GetMapping(QUOTES + "/{id}/revisions")
    RevisionsResponse revisions(@PathVariable String id) {
        return new RevisionsResponse(records.revisions(tenant(), quoteId(id)).stream().map(RevisionSummary::of)
                .toList());
    }

    @GetMapping(QUOTES + "/{id}/revisions/{revision}")
    RevisionResponse revision(@PathVariable String id, @PathVariable int revision) {
        return RevisionResponse.of(records.revision(tenant(), quoteId(id), revision));
    }

    @GetMapping(QUOTES + "/{id}/revisions/{from}/diff/{to}")
    DiffResponse diff(@PathVariable String id, @PathVariable int from, @PathVariable int to) {
        return DiffResponse.of(records.diff(tenant(), quoteId(id), from, to));
    }

    /** Renders the PDF and emails it with an accept link; the quote is sent. */
    @PostMapping(QUOTES + "/{id}/send")
    @PreAuthorize(WRITERS)
    QuoteResponse send(@PathVariable String id, @RequestBody(required = false) SendRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        Sending sending = request == null ? null : new Sending(request.to(), request.message());
        return QuoteResponse.of(records.send(tenant(), author(user), quoteId(id), sending));
    }

    /** The customer declined the quote. */
    @PostMapping(QUOTES + "/{id}/decline")
    @PreAuthorize(WRITERS)
    QuoteResponse decline(@PathVariable String id, @RequestBody(required = false) DeclineRequest request) {
        return QuoteResponse.of(records.decline(tenant(), quoteId(id), request == null ? null : request.reason()));
    }

    @GetMapping(path = QUOTES + "/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        TenantId tenant = tenant();
        QuoteId quote = quoteId(id);
        String number = records.get(tenant, quote).number();
        byte[] pdf = records.pdf(tenant, quote);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(number + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    /**
     * Prices a travel request into alternatives, cheapest first; with {@code create: true} also creates the draft
     * (201).
     */
    @PostMapping(path = QUOTES + ":price", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITERS)
    ResponseEntity<PriceResponse> price(@RequestBody PriceRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        PriceResponse body = PriceResponse.of(stayQuotes.price(tenant(), author(user), request.request()));
        return body.quote() == null
                ? ResponseEntity.ok(body)
                : ResponseEntity.created(location(body.quote().id())).body(body);
    }

    private PatchRequest read(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body must be a JSON object.");
        }
        try {
            return json.treeToValue(patch, PatchRequest.class);
        } catch (DatabindException ex) {
            throw ProblemException.invalidField(JsonFieldPaths.of(ex), ex instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : "has an invalid value");
        }
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    private static Author author(AuthenticatedUser user) {
        return user == null ? null : new Author(user.userId(), user.email());
    }

    /** A quote id from the path; one that is not a UUID names no quote. */
    private static QuoteId quoteId(String id) {
        try {
            return QuoteId.of(UUID.fromString(id));
        } catch (IllegalArgumentException ex) {
            throw ProblemException.notFound("quote", id.length() > 64 ? id.substring(0, 64) : id);
        }
    }

    private static URI location(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(QUOTES + "/{id}").buildAndExpand(id)
                .toUri();
    }

}
