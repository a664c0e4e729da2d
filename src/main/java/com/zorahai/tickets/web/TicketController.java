package com.zorahai.tickets.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.internal.Ticket;
import com.zorahai.tickets.internal.TicketRecords;
import com.zorahai.tickets.internal.TicketRecords.Opened;
import com.zorahai.tickets.internal.TicketRecords.Replied;
import com.zorahai.tickets.internal.TicketRecords.TicketPatch;
import com.zorahai.tickets.internal.TicketRecords.TicketQuery;
import com.zorahai.tickets.web.TicketJson.ReplyRequest;
import com.zorahai.tickets.web.TicketJson.ReplyResponse;
import com.zorahai.tickets.web.TicketJson.TicketRequest;
import com.zorahai.tickets.web.TicketJson.TicketResponse;
import com.zorahai.tickets.web.TicketJson.TicketSummary;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;

/**
 * The caller's tickets: create, list, read, change, answer and delete. Every role works tickets; deleting takes an
 * owner or admin.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class TicketController {

    static final String TICKETS = "/api/v1/tickets";

    private final TicketRecords records;
    private final CurrentTenant currentTenant;

    TicketController(TicketRecords records, CurrentTenant currentTenant) {
        this.records = records;
        this.currentTenant = currentTenant;
    }

    /** Opens a ticket (201); the same channel and {@code source_reference} again gives the existing one (200). */
    @PostMapping(path = TICKETS, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TicketResponse> create(@RequestBody TicketRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        TenantId tenant = tenant();
        Opened opened = records.create(tenant, request.draft(), userId(user));
        TicketResponse body = TicketResponse.of(opened.ticket(), records.replies(tenant, opened.ticket().id()),
                Instant.now());
        return opened.created()
                ? ResponseEntity.created(location(body.id())).body(body)
                : ResponseEntity.ok().location(location(body.id())).body(body);
    }

    /**
     * Tickets filtered by {@code status}, {@code priority}, {@code channel} (comma-separated for several),
     * {@code assignee} (a user id, {@code me} or {@code none}), {@code client}, {@code breached} and {@code q} (part
     * of the subject); sorted by {@code opened_at} (default, newest first), {@code updated_at}, {@code sla_due_at},
     * {@code priority} or {@code status}, with {@code ,asc} or {@code ,desc}.
     */
    @GetMapping(TICKETS)
    Page<TicketSummary> search(@RequestParam(required = false) String status,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String client,
            @RequestParam(required = false) String breached, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @AuthenticationPrincipal AuthenticatedUser user) {
        Instant now = Instant.now();
        return records.search(tenant(), new TicketQuery(status, priority, channel, assignee, client, breached, q,
                page, size, sort), userId(user)).map(t -> TicketSummary.of(t, now));
    }

    @GetMapping(TICKETS + "/{id}")
    TicketResponse get(@PathVariable String id) {
        TenantId tenant = tenant();
        TicketId ticketId = TicketId.parse(id, "id");
        Ticket ticket = records.get(tenant, ticketId);
        return TicketResponse.of(ticket, records.replies(tenant, ticketId), Instant.now());
    }

    /**
     * Changes {@code status}, {@code priority}, {@code assignee_id}, {@code client_id} or {@code subject}; fields
     * left out stay, {@code null} clears the assignee or client.
     */
    @PatchMapping(path = TICKETS + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/merge-patch+json"})
    TicketResponse update(@PathVariable String id, @RequestBody JsonNode patch,
            @AuthenticationPrincipal AuthenticatedUser user) {
        TenantId tenant = tenant();
        TicketId ticketId = TicketId.parse(id, "id");
        Ticket ticket = records.update(tenant, ticketId, patch(patch), userId(user));
        return TicketResponse.of(ticket, records.replies(tenant, ticketId), Instant.now());
    }

    @DeleteMapping(TICKETS + "/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<Void> delete(@PathVariable String id) {
        records.delete(tenant(), TicketId.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    /** Answers the requester (201); {@code status} optionally moves the ticket, e.g. to {@code pending}. */
    @PostMapping(path = TICKETS + "/{id}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReplyResponse> reply(@PathVariable String id, @RequestBody ReplyRequest request,
            @AuthenticationPrincipal AuthenticatedUser user) {
        TicketId ticketId = TicketId.parse(id, "id");
        Replied replied = records.reply(tenant(), ticketId, request.draft(), userId(user));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(TICKETS + "/{id}")
                .buildAndExpand(ticketId.toString()).toUri();
        return ResponseEntity.created(location).body(ReplyResponse.of(replied.reply()));
    }

    private static TicketPatch patch(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body must be a JSON object.");
        }
        Set<String> fields = new HashSet<>(patch.propertyNames());
        for (String field : fields) {
            if (!TicketPatch.FIELDS.contains(field)) {
                throw ProblemException.invalidField(field, "is not a known field");
            }
            JsonNode value = patch.get(field);
            if (!value.isNull() && !value.isString()) {
                throw ProblemException.invalidField(field, "must be a string or null");
            }
        }
        return new TicketPatch(fields, text(patch, "status"), text(patch, "priority"), text(patch, "assignee_id"),
                text(patch, "client_id"), text(patch, "subject"));
    }

    private static String text(JsonNode patch, String field) {
        JsonNode value = patch.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    private static UUID userId(AuthenticatedUser user) {
        return user == null ? null : user.userId();
    }

    private static URI location(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(TICKETS + "/{id}").buildAndExpand(id)
                .toUri();
    }
}
