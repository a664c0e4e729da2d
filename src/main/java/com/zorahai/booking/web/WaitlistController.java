package com.zorahai.booking.web;

import com.zorahai.booking.WaitlistEntry;
import com.zorahai.booking.WaitlistRequest;
import com.zorahai.booking.internal.Waitlist;
import com.zorahai.booking.web.BookingJson.WaitlistRequestJson;
import com.zorahai.booking.web.BookingJson.WaitlistResponse;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.net.URI;
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
 * The waitlist: people told when a slot of their service frees between two dates. Every role may.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class WaitlistController {

    static final String WAITLIST = "/api/v1/booking/waitlist";

    private final Waitlist waitlist;
    private final CurrentTenant currentTenant;

    WaitlistController(Waitlist waitlist, CurrentTenant currentTenant) {
        this.waitlist = waitlist;
        this.currentTenant = currentTenant;
    }

    /** Entries, oldest first; {@code status} waiting, offered, booked or removed. */
    @GetMapping(WAITLIST)
    Page<WaitlistResponse> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return waitlist.page(currentTenant.require(), status, page, size).map(WaitlistResponse::of);
    }

    @PostMapping(path = WAITLIST, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WaitlistResponse> join(@RequestBody WaitlistRequestJson request) {
        TenantId tenant = currentTenant.require();
        FieldErrors errors = new FieldErrors();
        var channel = Requests.channel(request.channel(), errors);
        var clientId = Requests.clientId(request.clientId(), errors);
        errors.throwIfAny();
        WaitlistEntry entry = waitlist.join(tenant, new WaitlistRequest(request.serviceId(), request.customerName(),
                request.customerPhone(), clientId, request.earliest(), request.latest(), channel, request.language(),
                request.notes()));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(WAITLIST + "/{id}")
                .buildAndExpand(entry.id()).toUri();
        return ResponseEntity.created(location).body(WaitlistResponse.of(entry));
    }

    @GetMapping(WAITLIST + "/{id}")
    WaitlistResponse get(@PathVariable String id) {
        return WaitlistResponse.of(waitlist.get(currentTenant.require(), Requests.id(id, "waitlist-entry")));
    }

    /** Takes the entry off the waitlist (it stays, as {@code removed}). */
    @DeleteMapping(WAITLIST + "/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        waitlist.remove(currentTenant.require(), Requests.id(id, "waitlist-entry"));
        return ResponseEntity.noContent().build();
    }
}
