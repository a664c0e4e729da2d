package com.zorahai.pricing.web;

import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.pricing.FlightPrice;
import com.zorahai.pricing.internal.FlightPriceRows;
import com.zorahai.pricing.internal.FlightPriceStore;
import com.zorahai.pricing.internal.ImportReport;
import com.zorahai.pricing.internal.RateImports;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import java.io.InputStream;
import java.util.Locale;
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

/** The tenant's flight prices: list, create, delete, and CSV import. */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
@RequestMapping("/api/v1/pricing")
class FlightPriceController {

    private final FlightPriceStore prices;
    private final RateImports imports;
    private final CurrentTenant currentTenant;

    FlightPriceController(FlightPriceStore prices, RateImports imports, CurrentTenant currentTenant) {
        this.prices = prices;
        this.imports = imports;
        this.currentTenant = currentTenant;
    }

    @GetMapping("/flight-prices")
    Page<Views.FlightPriceView> list(@RequestParam(required = false) String destination,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        HotelRateController.checkPage(page, size);
        TenantId tenant = currentTenant.require();
        String airport = destination == null || destination.isBlank()
                ? null
                : destination.trim().toUpperCase(Locale.ROOT);
        return new Page<>(prices.list(tenant, airport, page, size).stream()
                .map(Views.FlightPriceView::of).toList(), page, size, prices.count(tenant, airport));
    }

    @GetMapping("/flight-prices/{id}")
    Views.FlightPriceView get(@PathVariable UUID id) {
        return prices.find(currentTenant.require(), id).map(Views.FlightPriceView::of)
                .orElseThrow(() -> ProblemException.notFound("flight-price", id));
    }

    @PostMapping(path = "/flight-prices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(HotelRateController.WRITERS)
    Views.FlightPriceView create(@RequestBody Map<String, Object> body) {
        FlightPrice price = RateImports.flightPrice(Bodies.values(body, FlightPriceRows.COLUMNS));
        return Views.FlightPriceView.of(prices.insert(currentTenant.require(), price));
    }

    @DeleteMapping("/flight-prices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(HotelRateController.WRITERS)
    void delete(@PathVariable UUID id) {
        if (!prices.delete(currentTenant.require(), id)) {
            throw ProblemException.notFound("flight-price", id);
        }
    }

    @PostMapping(path = "/flight-prices:import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(HotelRateController.WRITERS)
    ImportReport importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        return imports.flightPrices(currentTenant.require(), Bodies.read(file, imports.maxBytes()), dryRun);
    }

    @PostMapping(path = "/flight-prices:import", consumes = "text/csv")
    @PreAuthorize(HotelRateController.WRITERS)
    ImportReport importBody(InputStream body, @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        return imports.flightPrices(currentTenant.require(), Bodies.read(body, imports.maxBytes()), dryRun);
    }
}
