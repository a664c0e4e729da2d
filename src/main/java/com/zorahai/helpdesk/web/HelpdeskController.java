package com.zorahai.helpdesk.web;

import com.zorahai.helpdesk.internal.HelpdeskService;
import com.zorahai.helpdesk.internal.HelpdeskStore;
import com.zorahai.helpdesk.internal.PublicAccess;
import com.zorahai.helpdesk.web.HelpdeskViews.ConversationView;
import com.zorahai.helpdesk.web.HelpdeskViews.ExchangeView;
import com.zorahai.helpdesk.web.HelpdeskViews.HandoverRequest;
import com.zorahai.helpdesk.web.HelpdeskViews.MessageRequest;
import com.zorahai.helpdesk.web.HelpdeskViews.OpenRequest;
import com.zorahai.helpdesk.web.HelpdeskViews.PublicKeyView;
import com.zorahai.helpdesk.web.HelpdeskViews.SessionView;
import com.zorahai.helpdesk.web.HelpdeskViews.UsageView;
import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The staff side of the helpdesk: sessions answered from the tenant's knowledge, hand-over, token usage, and the
 * public key of the customer endpoint (owners and admins rotate it; it is shown once).
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class HelpdeskController {

    static final String BASE = "/api/v1/helpdesk";

    private final HelpdeskService service;
    private final PublicAccess access;
    private final CurrentTenant currentTenant;

    HelpdeskController(HelpdeskService service, PublicAccess access, CurrentTenant currentTenant) {
        this.service = service;
        this.access = access;
        this.currentTenant = currentTenant;
    }

    /** Opens a session; with {@code message}, answers it at once (201 with the first exchange). */
    @PostMapping(path = BASE + "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> open(@RequestBody(required = false) OpenRequest request) {
        TenantId tenant = tenant();
        OpenRequest r = request == null ? new OpenRequest(null, null, null) : request;
        HelpdeskStore.Session session = service.open(tenant, "staff", new HelpdeskService.Customer(r.customerName(),
                r.customerEmail()), userId());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + "/sessions/{id}")
                .buildAndExpand(session.id()).toUri();
        if (r.message() == null || r.message().isBlank()) {
            return ResponseEntity.created(location).body(SessionView.of(session));
        }
        return ResponseEntity.created(location).body(ExchangeView.of(service.ask(tenant, session.id().toString(), r
                .message())));
    }

    @GetMapping(BASE + "/sessions")
    Page<SessionView> sessions(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.sessions(tenant(), page, size).map(SessionView::of);
    }

    @GetMapping(BASE + "/sessions/{id}")
    ConversationView session(@PathVariable String id) {
        return ConversationView.of(service.conversation(tenant(), id));
    }

    /** Asks within the session: the answer, its citations, latency, model and tokens. */
    @PostMapping(path = BASE + "/sessions/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExchangeView> ask(@PathVariable String id, @RequestBody MessageRequest request) {
        return ResponseEntity.status(201).body(ExchangeView.of(service.ask(tenant(), id, request.content())));
    }

    /** Hands the session over to the team (a ticket is opened from it). */
    @PostMapping(path = BASE + "/sessions/{id}/handover")
    ExchangeView handover(@PathVariable String id, @RequestBody(required = false) HandoverRequest request) {
        HandoverRequest r = request == null ? new HandoverRequest(null, null) : request;
        return ExchangeView.of(service.handover(tenant(), id, new HelpdeskService.Customer(r.customerName(), r
                .customerEmail())));
    }

    /** Tokens spent per model between {@code from} and {@code to} (ISO instants; default the last 30 days). */
    @GetMapping(BASE + "/usage")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    UsageView usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = instant("to", to, Instant.now());
        Instant start = instant("from", from, end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        return new UsageView(start, end, service.usage(tenant(), start, end));
    }

    /** A new public key for the customer endpoint; the old one stops working. Shown only in this answer. */
    @PostMapping(BASE + "/public-key:rotate")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<PublicKeyView> rotate() {
        String key = access.rotate(tenant());
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(new PublicKeyView(key, Instant.now()));
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    private static UUID userId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                ? user
                        .userId()
                : null;
    }
}
