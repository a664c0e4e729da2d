package com.zorahai.invoicing.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.invoicing.internal.Traveler;
import com.zorahai.invoicing.internal.TravelerDraft;
import com.zorahai.invoicing.internal.TravelerRecords;
import com.zorahai.invoicing.web.InvoiceJson.PageResponse;
import com.zorahai.invoicing.web.InvoiceJson.TravelerResponse;
import com.zorahai.invoicing.web.InvoiceJson.TravelerSummary;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The travellers of an invoice. Lists mask the passport number and leave out the date of birth; the full record is
 * read one traveller at a time by an owner, admin or consultant, and every such read is PII-audited (the path is
 * under {@code /api/v1/invoices}).
 */
@RestController
class TravelerController {

    static final String TRAVELERS = InvoiceController.INVOICES + "/{id}/travelers";

    private final TravelerRecords travelers;
    private final CurrentTenant currentTenant;

    TravelerController(TravelerRecords travelers, CurrentTenant currentTenant) {
        this.travelers = travelers;
        this.currentTenant = currentTenant;
    }

    /** Adds a traveller; the answer shows it as lists do (masked). */
    @PostMapping(path = TRAVELERS, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(InvoiceController.WRITERS)
    ResponseEntity<TravelerSummary> add(@PathVariable String id, @RequestBody TravelerDraft draft,
            @AuthenticationPrincipal AuthenticatedUser user) {
        Traveler traveler = travelers.add(currentTenant.require(), InvoiceId.parse(id, "id"), draft, user.userId());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(TRAVELERS + "/{traveler}")
                .buildAndExpand(traveler.invoiceId(), traveler.id())
                .toUri();
        return ResponseEntity.created(location).body(TravelerSummary.of(traveler));
    }

    @GetMapping(TRAVELERS)
    PageResponse<TravelerSummary> list(@PathVariable String id) {
        return PageResponse.all(travelers.list(currentTenant.require(), InvoiceId.parse(id, "id")),
                TravelerSummary::of);
    }

    /** One traveller in full: name, date of birth, passport number and expiry. */
    @GetMapping(TRAVELERS + "/{travelerId}")
    @PreAuthorize(InvoiceController.WRITERS)
    ResponseEntity<TravelerResponse> get(@PathVariable String id, @PathVariable String travelerId) {
        Traveler traveler = travelers.get(currentTenant.require(), InvoiceId.parse(id, "id"),
                uuid(travelerId, "traveler_id"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TravelerResponse.of(traveler));
    }

    @DeleteMapping(TRAVELERS + "/{travelerId}")
    @PreAuthorize(InvoiceController.WRITERS)
    ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String travelerId) {
        travelers.delete(currentTenant.require(), InvoiceId.parse(id, "id"), uuid(travelerId, "traveler_id"));
        return ResponseEntity.noContent().build();
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException ex) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }
}
