package com.zorahai.telephony.web;

import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.telephony.internal.Assistants;
import com.zorahai.telephony.internal.Phones;
import com.zorahai.telephony.internal.Provisioning;
import com.zorahai.telephony.internal.TelephonyProperties;
import com.zorahai.telephony.twilio.AddressDraft;
import com.zorahai.telephony.twilio.NumberSearch;
import com.zorahai.telephony.twilio.NumberType;
import com.zorahai.telephony.web.TelephonyJson.AddressRequest;
import com.zorahai.telephony.web.TelephonyJson.AddressView;
import com.zorahai.telephony.web.TelephonyJson.AvailableNumbers;
import com.zorahai.telephony.web.TelephonyJson.NumberView;
import com.zorahai.telephony.web.TelephonyJson.PurchaseRequest;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * Provisioning: searching Twilio for numbers, buying one (imported into VAPI and pointed at the tenant's webhook),
 * listing, assigning an assistant, releasing; and the regulatory addresses numbers need. Owners and admins only.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN')")
@RestController
class TelephonyNumbersController {

    static final String BASE = "/api/v1/telephony";

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern CONTAINS = Pattern.compile("[0-9A-Za-z*]{1,16}");
    private static final Pattern BUNDLE = Pattern.compile("BU[0-9a-fA-F]{32}");

    private final Provisioning provisioning;
    private final Tenants tenants;
    private final TelephonyProperties properties;

    TelephonyNumbersController(Provisioning provisioning, Tenants tenants, TelephonyProperties properties) {
        this.provisioning = provisioning;
        this.tenants = tenants;
        this.properties = properties;
    }

    /** Numbers Twilio offers: {@code country} (ISO), {@code type} (local, mobile, toll-free), filters. */
    @GetMapping(BASE + "/available-numbers")
    AvailableNumbers available(@RequestParam(required = false) String country,
            @RequestParam(required = false) String type,
            @RequestParam(name = "area_code", required = false) String areaCode,
            @RequestParam(required = false) String contains, @RequestParam(required = false) Integer limit) {
        Tenant tenant = tenants.current();
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw ProblemException.invalidField("country", "is required: an ISO 3166 code such as US or GB");
        }
        NumberType numberType = type == null
                ? NumberType.LOCAL
                : NumberType.find(type).orElseThrow(
                        () -> ProblemException.invalidField("type", "must be local, mobile or toll-free"));
        Integer area = null;
        if (areaCode != null) {
            if (!areaCode.matches("[2-9][0-9]{2}")) {
                throw ProblemException.invalidField("area_code", "must be a three-digit area code");
            }
            area = Integer.valueOf(areaCode);
        }
        if (contains != null && !CONTAINS.matcher(contains).matches()) {
            throw ProblemException.invalidField("contains", "must be 1 to 16 digits, letters or *");
        }
        int max = limit == null ? 20 : limit;
        if (max < 1 || max > 50) {
            throw ProblemException.invalidField("limit", "must be between 1 and 50");
        }
        String iso = country.toUpperCase(Locale.ROOT);
        return new AvailableNumbers(provisioning.search(tenant.id(),
                new NumberSearch(iso, numberType, area, contains, true, max)), iso, numberType.value());
    }

    /** Buys the number and imports it into VAPI; 201 with the number (status {@code import_failed} if VAPI failed). */
    @PostMapping(path = BASE + "/numbers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NumberView> purchase(@RequestBody PurchaseRequest request) {
        Tenant tenant = tenants.current();
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        String number = Phones.e164(request.phoneNumber(), "phone_number");
        String country = request.country();
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw ProblemException.invalidField("country", "must be an ISO 3166 code such as US or GB");
        }
        country = country == null ? Phones.country(number).orElse(null) : country.toUpperCase(Locale.ROOT);
        String type = request.type() == null
                ? null
                : NumberType.find(request.type()).orElseThrow(
                        () -> ProblemException.invalidField("type", "must be local, mobile or toll-free")).value();
        UUID addressId = request.addressId() == null ? null : Ids.uuid(request.addressId(), "address_id");
        if (request.bundleSid() != null && !BUNDLE.matcher(request.bundleSid()).matches()) {
            throw ProblemException.invalidField("bundle_sid", "must be a Twilio bundle SID (BU + 32 hex)");
        }
        if (request.friendlyName() != null && request.friendlyName().length() > 64) {
            throw ProblemException.invalidField("friendly_name", "must be at most 64 characters");
        }
        String assistant = request.assistant() == null
                ? null
                : Assistants.requireKey(tenant, request.assistant(), "assistant");
        var bought = provisioning.purchase(tenant, new Provisioning.Purchase(number, country, type, addressId,
                request.bundleSid(), request.friendlyName(), assistant));
        NumberView view = NumberView.of(provisioning.get(tenant, bought.id()));
        return ResponseEntity.created(location("/numbers/{id}", view.id())).body(view);
    }

    @GetMapping(BASE + "/numbers")
    Page<NumberView> numbers(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size, properties.maxPageSize());
        return provisioning.list(tenants.current(), paging.page(), paging.size()).map(NumberView::of);
    }

    @GetMapping(BASE + "/numbers/{id}")
    NumberView number(@PathVariable String id) {
        return NumberView.of(provisioning.get(tenants.current(), Ids.pathId(id)));
    }

    /** {@code {"assistant":"after_hours"}}, or {@code null} to choose the assistant per call by time of day. */
    @PatchMapping(path = BASE + "/numbers/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/merge-patch+json"})
    NumberView changeAssistant(@PathVariable String id, @RequestBody JsonNode body) {
        Tenant tenant = tenants.current();
        UUID numberId = Ids.pathId(id);
        provisioning.get(tenant, numberId);
        if (body == null || !body.isObject()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body must be a JSON object.");
        }
        for (String field : body.propertyNames()) {
            if (!field.equals("assistant")) {
                throw ProblemException.invalidField(field, "is not a known field");
            }
        }
        if (!body.has("assistant")) {
            throw ProblemException.invalidField("assistant",
                    "is required: an assistant key, or null to choose by time of day");
        }
        JsonNode value = body.get("assistant");
        if (!value.isNull() && !value.isString()) {
            throw ProblemException.invalidField("assistant", "must be a string or null");
        }
        String key = value.isNull() ? null : Assistants.requireKey(tenant, value.asString(), "assistant");
        provisioning.changeAssistant(tenant, numberId, key);
        return NumberView.of(provisioning.get(tenant, numberId));
    }

    @DeleteMapping(BASE + "/numbers/{id}")
    ResponseEntity<Void> release(@PathVariable String id) {
        provisioning.release(tenants.current(), Ids.pathId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = BASE + "/addresses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AddressView> createAddress(@RequestBody AddressRequest request) {
        Tenant tenant = tenants.current();
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        AddressDraft draft = new AddressDraft(required(request.customerName(), "customer_name", 200),
                required(request.street(), "street", 200), optional(request.streetSecondary(), "street_secondary",
                        200),
                required(request.city(), "city", 100), required(request.region(), "region", 100),
                required(request.postalCode(), "postal_code", 20), country(request.isoCountry()),
                optional(request.friendlyName(), "friendly_name", 64),
                Boolean.TRUE.equals(request.emergencyEnabled()));
        AddressView view = AddressView.of(provisioning.createAddress(tenant.id(), draft));
        return ResponseEntity.created(location("/addresses/{id}", view.id())).body(view);
    }

    @GetMapping(BASE + "/addresses")
    Page<AddressView> addresses(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size, properties.maxPageSize());
        return provisioning.addresses(tenants.current().id(), paging.page(), paging.size()).map(AddressView::of);
    }

    @GetMapping(BASE + "/addresses/{id}")
    AddressView address(@PathVariable String id) {
        return AddressView.of(provisioning.address(tenants.current().id(), Ids.pathId(id)));
    }

    /** Asks Twilio whether the address is validated and verified now. */
    @PostMapping(BASE + "/addresses/{id}/validate")
    AddressView validate(@PathVariable String id) {
        return AddressView.of(provisioning.validateAddress(tenants.current().id(), Ids.pathId(id)));
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required");
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw ProblemException.invalidField(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    private static String country(String value) {
        if (value == null || !COUNTRY.matcher(value.trim()).matches()) {
            throw ProblemException.invalidField("iso_country", "is required: an ISO 3166 code such as GB");
        }
        return value.trim().toUpperCase(Locale.ROOT);
    }

    private static URI location(String path, UUID id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + path).buildAndExpand(id).toUri();
    }
}
