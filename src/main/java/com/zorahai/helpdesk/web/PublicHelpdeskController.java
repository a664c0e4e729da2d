package com.zorahai.helpdesk.web;

import com.zorahai.helpdesk.internal.HelpdeskService;
import com.zorahai.helpdesk.internal.HelpdeskStore;
import com.zorahai.helpdesk.internal.PublicAccess;
import com.zorahai.helpdesk.web.HelpdeskViews.HandoverRequest;
import com.zorahai.helpdesk.web.HelpdeskViews.MessageRequest;
import com.zorahai.helpdesk.web.HelpdeskViews.OpenRequest;
import com.zorahai.helpdesk.web.HelpdeskViews.PublicConversationView;
import com.zorahai.helpdesk.web.HelpdeskViews.PublicExchangeView;
import com.zorahai.helpdesk.web.HelpdeskViews.SessionView;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customers' helpdesk of a tenant, for its website chat: no sign-in, but every request carries the tenant's
 * public key ({@code X-Helpdesk-Key}) and counts against per-address limits. A session id is known only to the
 * customer who opened it.
 */
@RestController
class PublicHelpdeskController {

    static final String BASE = "/public/helpdesk/{tenant}";
    static final String KEY_HEADER = "X-Helpdesk-Key";

    private final HelpdeskService service;
    private final PublicAccess access;

    PublicHelpdeskController(HelpdeskService service, PublicAccess access) {
        this.service = service;
        this.access = access;
    }

    @PostMapping(path = BASE + "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> open(@PathVariable String tenant, @RequestHeader(name = KEY_HEADER, required = false) String key,
            @RequestBody(required = false) OpenRequest request, HttpServletRequest http) {
        TenantId id = guard(tenant, key, http);
        OpenRequest r = request == null ? new OpenRequest(null, null, null) : request;
        HelpdeskStore.Session session = service.open(id, "public", new HelpdeskService.Customer(r.customerName(), r
                .customerEmail()), null);
        if (r.message() == null || r.message().isBlank()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(SessionView.of(session));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(PublicExchangeView.of(service.ask(id, session.id()
                .toString(), r.message())));
    }

    @GetMapping(BASE + "/sessions/{id}")
    PublicConversationView session(@PathVariable String tenant, @PathVariable String id,
            @RequestHeader(name = KEY_HEADER, required = false) String key, HttpServletRequest http) {
        return PublicConversationView.of(service.conversation(guard(tenant, key, http), id));
    }

    @PostMapping(path = BASE + "/sessions/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PublicExchangeView> ask(@PathVariable String tenant, @PathVariable String id,
            @RequestHeader(name = KEY_HEADER, required = false) String key, @RequestBody MessageRequest request,
            HttpServletRequest http) {
        TenantId tenantId = guard(tenant, key, http);
        return ResponseEntity.status(HttpStatus.CREATED).body(PublicExchangeView.of(service.ask(tenantId, id, request
                .content())));
    }

    /** The customer asks for a person; name and email let the team answer. */
    @PostMapping(path = BASE + "/sessions/{id}/handover")
    PublicExchangeView handover(@PathVariable String tenant, @PathVariable String id,
            @RequestHeader(name = KEY_HEADER, required = false) String key,
            @RequestBody(required = false) HandoverRequest request, HttpServletRequest http) {
        TenantId tenantId = guard(tenant, key, http);
        HandoverRequest r = request == null ? new HandoverRequest(null, null) : request;
        return PublicExchangeView.of(service.handover(tenantId, id, new HelpdeskService.Customer(r.customerName(), r
                .customerEmail())));
    }

    /** The 429 carries {@code Retry-After}. */
    @ExceptionHandler(PublicAccess.RateLimited.class)
    ResponseEntity<org.springframework.http.ProblemDetail> rateLimited(PublicAccess.RateLimited e) {
        org.springframework.http.ProblemDetail body = org.springframework.http.ProblemDetail.forStatusAndDetail(e
                .status(), e.detail());
        body.setType(e.typeUri());
        body.setTitle(e.title());
        e.properties().forEach(body::setProperty);
        return ResponseEntity.status(e.status()).header("Retry-After", Long.toString(e.retryAfterSeconds())).body(
                body);
    }

    private TenantId guard(String tenant, String key, HttpServletRequest http) {
        if (!TenantId.isValid(tenant)) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "tenant-not-found", "Tenant not found", "No such tenant.");
        }
        TenantId id = TenantId.of(tenant);
        access.checkRate(id, http.getRemoteAddr());
        access.checkKey(id, key);
        return id;
    }
}
