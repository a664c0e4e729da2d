package com.zorahai.booking.web;

import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.booking.calendar.CalendarAdmin.ClosureDraft;
import com.zorahai.booking.calendar.CalendarAdmin.HoursDraft;
import com.zorahai.booking.calendar.CalendarAdmin.ResourceDraft;
import com.zorahai.booking.calendar.CalendarStore.ClosureRow;
import com.zorahai.booking.calendar.CalendarStore.ResourceRow;
import com.zorahai.booking.internal.BookingProperties;
import com.zorahai.booking.web.BookingJson.ClosureRequest;
import com.zorahai.booking.web.BookingJson.ClosureResponse;
import com.zorahai.booking.web.BookingJson.HoursRequest;
import com.zorahai.booking.web.BookingJson.HoursResponse;
import com.zorahai.booking.web.BookingJson.ResourceRequest;
import com.zorahai.booking.web.BookingJson.ResourceResponse;
import com.zorahai.platform.Page;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in calendar's staff and rooms, opening hours and closures. Everyone reads; owners and admins change.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class CalendarController {

    static final String RESOURCES = "/api/v1/booking/resources";
    static final String HOURS = "/api/v1/booking/hours";
    static final String CLOSURES = "/api/v1/booking/closures";

    private final CalendarAdmin admin;
    private final BookingProperties properties;
    private final CurrentTenant currentTenant;
    private final JsonMapper json;

    CalendarController(CalendarAdmin admin, BookingProperties properties, CurrentTenant currentTenant,
            JsonMapper json) {
        this.admin = admin;
        this.properties = properties;
        this.currentTenant = currentTenant;
        this.json = json;
    }

    @GetMapping(RESOURCES)
    Page<ResourceResponse> resources(@RequestParam(name = "include_inactive", defaultValue = "false") boolean all,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Requests.page(admin.resources(tenant(), all).stream().map(ResourceResponse::of).toList(), page, size,
                properties.maxPageSize());
    }

    /** A member of staff or room: {@code name}, {@code kind} (staff or room), {@code service_ids} (empty: all). */
    @PostMapping(path = RESOURCES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ServiceController.MANAGERS)
    ResponseEntity<ResourceResponse> createResource(@RequestBody JsonNode body) {
        Requests.Patch<ResourceRequest> request = Requests.patch(json, body, ResourceRequest.class);
        ResourceRequest r = request.value();
        ResourceRow row = admin.createResource(tenant(), new ResourceDraft(r.name(), r.kind(), r.active(),
                r.serviceIds(), request.fields()));
        return ResponseEntity.created(location(RESOURCES, row.id())).body(ResourceResponse.of(row));
    }

    @GetMapping(RESOURCES + "/{id}")
    ResourceResponse resource(@PathVariable String id) {
        return ResourceResponse.of(admin.resource(tenant(), Requests.id(id, "resource")));
    }

    @PatchMapping(path = RESOURCES + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/merge-patch+json"})
    @PreAuthorize(ServiceController.MANAGERS)
    ResourceResponse updateResource(@PathVariable String id, @RequestBody JsonNode body) {
        TenantId tenant = tenant();
        UUID resource = Requests.id(id, "resource");
        admin.resource(tenant, resource);
        Requests.Patch<ResourceRequest> request = Requests.patch(json, body, ResourceRequest.class);
        ResourceRequest r = request.value();
        return ResourceResponse.of(admin.updateResource(tenant, resource, new ResourceDraft(r.name(), r.kind(),
                r.active(), r.serviceIds(), request.fields())));
    }

    /** The clinic's opening hours, by weekday, in its time zone. */
    @GetMapping(HOURS)
    HoursResponse clinicHours() {
        return HoursResponse.of(admin.hours(tenant(), null));
    }

    @PutMapping(path = HOURS, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ServiceController.MANAGERS)
    HoursResponse replaceClinicHours(@RequestBody HoursRequest request) {
        return HoursResponse.of(admin.replaceHours(tenant(), null, drafts(request)));
    }

    /** The hours a resource works: its own, else the clinic's ({@code clinic_hours: true}). */
    @GetMapping(RESOURCES + "/{id}/hours")
    HoursResponse resourceHours(@PathVariable String id) {
        return HoursResponse.of(admin.hours(tenant(), Requests.id(id, "resource")));
    }

    /** Replaces a resource's own hours; an empty list makes it follow the clinic's again. */
    @PutMapping(path = RESOURCES + "/{id}/hours", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ServiceController.MANAGERS)
    HoursResponse replaceResourceHours(@PathVariable String id, @RequestBody HoursRequest request) {
        return HoursResponse.of(admin.replaceHours(tenant(), Requests.id(id, "resource"), drafts(request)));
    }

    /** Closures ending on or after {@code from} and starting on or before {@code to}. */
    @GetMapping(CLOSURES)
    Page<ClosureResponse> closures(@RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Requests.page(admin.closures(tenant(), from, to).stream().map(ClosureResponse::of).toList(), page,
                size, properties.maxPageSize());
    }

    /** Days off: the whole clinic, or one resource with {@code resource_id}; {@code ends_on} defaults to the start. */
    @PostMapping(path = CLOSURES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ServiceController.MANAGERS)
    ResponseEntity<ClosureResponse> addClosure(@RequestBody ClosureRequest request) {
        ClosureRow row = admin.addClosure(tenant(), new ClosureDraft(request.startsOn(), request.endsOn(),
                request.resourceId(), request.reason()));
        return ResponseEntity.created(location(CLOSURES, row.id())).body(ClosureResponse.of(row));
    }

    @GetMapping(CLOSURES + "/{id}")
    ClosureResponse closure(@PathVariable String id) {
        return ClosureResponse.of(admin.closure(tenant(), Requests.id(id, "closure")));
    }

    @DeleteMapping(CLOSURES + "/{id}")
    @PreAuthorize(ServiceController.MANAGERS)
    ResponseEntity<Void> deleteClosure(@PathVariable String id) {
        admin.deleteClosure(tenant(), Requests.id(id, "closure"));
        return ResponseEntity.noContent().build();
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    private static List<HoursDraft> drafts(HoursRequest request) {
        return request == null || request.hours() == null
                ? List.of()
                : request.hours().stream().map(h -> h == null ? null : h.draft()).toList();
    }

    private static URI location(String base, UUID id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(base + "/{id}").buildAndExpand(id).toUri();
    }

}
