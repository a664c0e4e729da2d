package com.zorahai.pricing.web;

import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.pricing.Destination;
import com.zorahai.pricing.HotelRate;
import com.zorahai.pricing.internal.HotelRateRows;
import com.zorahai.pricing.internal.HotelRateStore;
import com.zorahai.pricing.internal.ImportReport;
import com.zorahai.pricing.internal.RateImports;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The tenant's hotel rates: list, create, delete, and CSV import. */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
@RequestMapping("/api/v1/pricing")
class HotelRateController {

    static final String WRITERS = "hasAnyRole('OWNER','ADMIN','CONSULTANT')";
    static final int MAX_PAGE_SIZE = 200;

    private final HotelRateStore rates;
    private final RateImports imports;
    private final CurrentTenant currentTenant;

    HotelRateController(HotelRateStore rates, RateImports imports, CurrentTenant currentTenant) {
        this.rates = rates;
        this.imports = imports;
        this.currentTenant = currentTenant;
    }

    @GetMapping("/hotel-rates")
    Page<Views.HotelRateView> list(@RequestParam(required = false) String destination,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        TenantId tenant = currentTenant.require();
        String key = destination == null || destination.isBlank() ? null : Destination.key(destination);
        return new Page<>(rates.list(tenant, key, page, size).stream().map(Views.HotelRateView::of)
                .toList(), page, size, rates.count(tenant, key));
    }

    @GetMapping("/hotel-rates/{id}")
    Views.HotelRateView get(@PathVariable UUID id) {
        return rates.find(currentTenant.require(), id).map(Views.HotelRateView::of)
                .orElseThrow(() -> ProblemException.notFound("hotel-rate", id));
    }

    /** One rate, with the fields of a CSV row ({@code hotel_name}, {@code valid_from}, ...). */
    @PostMapping(path = "/hotel-rates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    Views.HotelRateView create(@RequestBody Map<String, Object> body) {
        HotelRate rate = RateImports.hotelRate(Bodies.values(body, HotelRateRows.COLUMNS));
        return Views.HotelRateView.of(rates.insert(currentTenant.require(), rate));
    }

    @DeleteMapping("/hotel-rates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(WRITERS)
    void delete(@PathVariable UUID id) {
        if (!rates.delete(currentTenant.require(), id)) {
            throw ProblemException.notFound("hotel-rate", id);
        }
    }

    /** A CSV file as the multipart part {@code file}. */
    @PostMapping(path = "/hotel-rates:import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WRITERS)
    ImportReport importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        return imports.hotelRates(currentTenant.require(), Bodies.read(file, imports.maxBytes()), dryRun);
    }

    /** A CSV file as the request body. */
    @PostMapping(path = "/hotel-rates:import", consumes = "text/csv")
    @PreAuthorize(WRITERS)
    ImportReport importBody(InputStream body, @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        return imports.hotelRates(currentTenant.require(), Bodies.read(body, imports.maxBytes()), dryRun);
    }

    static void checkPage(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
