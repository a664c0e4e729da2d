package com.zorahai.booking.web;

import com.zorahai.booking.BookableService;
import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.booking.calendar.CalendarAdmin.ServiceDraft;
import com.zorahai.booking.calendar.CalendarStore.ServiceRow;
import com.zorahai.booking.internal.BookingProblems;
import com.zorahai.booking.internal.BookingProperties;
import com.zorahai.booking.internal.BookingService;
import com.zorahai.booking.web.BookingJson.MoneyJson;
import com.zorahai.booking.web.BookingJson.ServiceRequest;
import com.zorahai.booking.web.BookingJson.ServiceResponse;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's services. Everyone reads; owners and admins create and change them (built-in calendar only: a clinic
 * with its own booking system manages them there).
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
class ServiceController {

    static final String SERVICES = "/api/v1/booking/services";
    static final String MANAGERS = "hasAnyRole('OWNER','ADMIN')";

    private final BookingService bookings;
    private final CalendarAdmin admin;
    private final BookingProperties properties;
    private final CurrentTenant currentTenant;
    private final JsonMapper json;

    ServiceController(BookingService bookings, CalendarAdmin admin, BookingProperties properties,
            CurrentTenant currentTenant, JsonMapper json) {
        this.bookings = bookings;
        this.admin = admin;
        this.properties = properties;
        this.currentTenant = currentTenant;
        this.json = json;
    }

    /** The services, by name; {@code include_inactive} adds retired ones (built-in calendar). */
    @GetMapping(SERVICES)
    Page<ServiceResponse> list(@RequestParam(name = "include_inactive", defaultValue = "false") boolean inactive,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        TenantId tenant = currentTenant.require();
        List<BookableService> services = inactive && bookings.usesBuiltinCalendar(tenant)
                ? admin.services(tenant, true).stream().map(ServiceRow::bookable).toList()
                : bookings.services(tenant);
        return Requests.page(services.stream().map(ServiceResponse::of).toList(), page, size,
                properties.maxPageSize());
    }

    @GetMapping(SERVICES + "/{id}")
    ServiceResponse get(@PathVariable String id) {
        TenantId tenant = currentTenant.require();
        if (bookings.usesBuiltinCalendar(tenant)) {
            return ServiceResponse.of(admin.service(tenant, serviceId(id)).bookable());
        }
        return ServiceResponse.of(bookings.service(tenant, id));
    }

    @PostMapping(path = SERVICES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(MANAGERS)
    ResponseEntity<ServiceResponse> create(@RequestBody JsonNode body) {
        Requests.Patch<ServiceRequest> request = Requests.patch(json, body, ServiceRequest.class);
        ServiceRow row = admin.createService(currentTenant.require(), draft(request.value(), request.fields()));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(SERVICES + "/{id}")
                .buildAndExpand(row.id()).toUri();
        return ResponseEntity.created(location).body(ServiceResponse.of(row.bookable()));
    }

    /** A merge patch: fields left out stay; {@code prices_by_gender} is replaced as a whole ({@code null} clears). */
    @PatchMapping(path = SERVICES + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/merge-patch+json"})
    @PreAuthorize(MANAGERS)
    ServiceResponse update(@PathVariable String id, @RequestBody JsonNode body) {
        TenantId tenant = currentTenant.require();
        UUID serviceId = serviceId(id);
        admin.service(tenant, serviceId);
        Requests.Patch<ServiceRequest> request = Requests.patch(json, body, ServiceRequest.class);
        return ServiceResponse.of(admin.updateService(tenant, serviceId, draft(request.value(), request.fields()))
                .bookable());
    }

    private static UUID serviceId(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException ex) {
            throw BookingProblems.serviceNotFound(id.length() > 64 ? id.substring(0, 64) : id);
        }
    }

    private static ServiceDraft draft(ServiceRequest request, Set<String> present) {
        Set<String> fields = new HashSet<>(present);
        MoneyJson price = request.price();
        if (fields.contains("price")) {
            if (price != null && price.currency() != null) {
                fields.add("currency");
            }
        }
        BigDecimal female = null;
        BigDecimal male = null;
        Map<String, String> currencies = new HashMap<>();
        if (fields.remove("prices_by_gender")) {
            fields.add("price_female");
            fields.add("price_male");
            Map<String, MoneyJson> byGender = request.pricesByGender() == null ? Map.of() : request.pricesByGender();
            for (var entry : byGender.entrySet()) {
                MoneyJson money = entry.getValue();
                switch (entry.getKey()) {
                    case "female" -> female = money == null ? null : money.amount();
                    case "male" -> male = money == null ? null : money.amount();
                    default -> throw ProblemException.invalidField("prices_by_gender." + entry.getKey(),
                            "must be female or male");
                }
                if (money != null && money.currency() != null) {
                    currencies.put(entry.getKey(), money.currency());
                }
            }
        }
        return new ServiceDraft(request.name(), request.description(), request.durationMinutes(),
                price == null ? null : price.amount(), price == null ? null : price.currency(), female, male,
                request.active(), fields, currencies);
    }
}
