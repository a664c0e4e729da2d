package com.zorahai.telephony.web;

import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.telephony.internal.CallQueue;
import com.zorahai.telephony.internal.DoNotCallList;
import com.zorahai.telephony.internal.Phones;
import com.zorahai.telephony.internal.QueueEntry;
import com.zorahai.telephony.internal.TelephonyProperties;
import com.zorahai.telephony.web.TelephonyJson.DncRequest;
import com.zorahai.telephony.web.TelephonyJson.DncView;
import com.zorahai.telephony.web.TelephonyJson.QueueRequest;
import com.zorahai.telephony.web.TelephonyJson.QueueView;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The outbound call queue and the do-not-call list. Every staff role may queue, read and cancel calls and add
 * numbers to the list; removing a number from the list takes an owner or admin.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class CallQueueController {

    static final String QUEUE = "/api/v1/call-queue";
    static final String DNC = "/api/v1/dnc";
    private static final Set<String> STATUSES = Set.of("queued", "dialing", "in_call", "completed", "refused",
            "exhausted", "expired", "blocked", "failed", "cancelled");

    private final CallQueue queue;
    private final DoNotCallList doNotCall;
    private final Tenants tenants;
    private final TelephonyProperties properties;

    CallQueueController(CallQueue queue, DoNotCallList doNotCall, Tenants tenants, TelephonyProperties properties) {
        this.queue = queue;
        this.doNotCall = doNotCall;
        this.tenants = tenants;
        this.properties = properties;
    }

    /** Queues a call; 409 {@code do-not-call} for a number on the list. */
    @PostMapping(path = QUEUE, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QueueView> enqueue(@RequestBody QueueRequest request) {
        Tenant tenant = tenants.current();
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        if (request.purpose() == null || request.purpose().isBlank()) {
            throw ProblemException.invalidField("purpose", "is required");
        }
        if (request.purpose().length() > 500) {
            throw ProblemException.invalidField("purpose", "must be at most 500 characters");
        }
        UUID clientId = request.clientId() == null ? null : Ids.uuid(request.clientId(), "client_id");
        QueueEntry entry = queue.enqueue(tenant, new CallQueue.Request(clientId, request.phoneNumber(),
                request.purpose().trim(), request.assistant(), request.timeZone(), request.earliestAt(),
                request.latestAt(), request.maxAttempts()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path(QUEUE + "/{id}")
                .buildAndExpand(entry.id()).toUri()).body(QueueView.of(entry));
    }

    @GetMapping(QUEUE)
    Page<QueueView> list(@RequestParam(required = false) String status,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size, properties.maxPageSize());
        String wanted = status == null ? null : status.trim().toLowerCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw ProblemException.invalidField("status", "must be one of " + String.join(", ",
                    STATUSES.stream().sorted().toList()));
        }
        UUID client = clientId == null ? null : Ids.uuid(clientId, "client_id");
        return queue.list(tenants.current().id(), wanted, client, paging.page(), paging.size()).map(QueueView::of);
    }

    @GetMapping(QUEUE + "/{id}")
    QueueView get(@PathVariable String id) {
        return QueueView.of(queue.get(tenants.current().id(), Ids.pathId(id)));
    }

    /** Cancels a waiting call; 409 when it is being dialled, in a call or finished. */
    @DeleteMapping(QUEUE + "/{id}")
    ResponseEntity<Void> cancel(@PathVariable String id) {
        queue.cancel(tenants.current().id(), Ids.pathId(id));
        return ResponseEntity.noContent().build();
    }

    /** Adds a number to the do-not-call list (201; 200 when it was on it already); its queued calls are blocked. */
    @PostMapping(path = DNC, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DncView> addDoNotCall(@RequestBody DncRequest request) {
        Tenant tenant = tenants.current();
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        String number = Phones.e164(request.phoneNumber(), "phone_number");
        if (request.reason() != null && request.reason().length() > 500) {
            throw ProblemException.invalidField("reason", "must be at most 500 characters");
        }
        boolean existed = doNotCall.contains(tenant.id(), number);
        DncView view = DncView.of(doNotCall.add(tenant.id(), number, request.reason(), "api"));
        return existed
                ? ResponseEntity.ok(view)
                : ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path(DNC + "/{id}")
                        .buildAndExpand(view.id()).toUri()).body(view);
    }

    @GetMapping(DNC)
    Page<DncView> doNotCallList(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size, properties.maxPageSize());
        var tenant = tenants.current().id();
        return new Page<>(doNotCall.list(tenant, paging.page(), paging.size()), paging.page(), paging.size(),
                doNotCall.count(tenant)).map(DncView::of);
    }

    @DeleteMapping(DNC + "/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<Void> removeDoNotCall(@PathVariable String id) {
        UUID entry = Ids.pathId(id);
        if (!doNotCall.remove(tenants.current().id(), entry)) {
            throw ProblemException.notFound("do-not-call-entry", entry);
        }
        return ResponseEntity.noContent().build();
    }
}
