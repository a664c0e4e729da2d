package com.zorahai.tenancy.web;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantBrandings;
import com.zorahai.tenancy.TenantBrandings.BrandingDetails;
import com.zorahai.tenancy.TenantBrandings.BrandingUpdate;
import com.zorahai.tenancy.TenantBrandings.Logo;
import com.zorahai.tenancy.Tenants;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The caller's branding: colours, logo URL, and the uploaded logo.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
@RequestMapping("/api/v1/tenant/branding")
class BrandingController {

    private final Tenants tenants;
    private final TenantBrandings brandings;

    BrandingController(Tenants tenants, TenantBrandings brandings) {
        this.tenants = tenants;
        this.brandings = brandings;
    }

    @GetMapping
    BrandingView branding() {
        return BrandingView.of(brandings.get(tenants.current().id()));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    BrandingView update(@RequestBody BrandingRequest request) {
        return BrandingView.of(brandings.update(tenants.current().id(), new BrandingUpdate(request.primaryColor(),
                request.secondaryColor(), request.logoUrl())));
    }

    /** A PNG, JPEG or SVG up to 2 MB in the multipart field {@code file}; the type is read from the bytes. */
    @PostMapping(path = "/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    BrandingView uploadLogo(@RequestParam("file") MultipartFile file) throws IOException {
        Tenant tenant = tenants.current();
        // refuse before reading the upload into memory
        brandings.checkLogoSize(file.getSize());
        return BrandingView.of(brandings.uploadLogo(tenant.id(), file.getBytes()));
    }

    @GetMapping("/logo")
    ResponseEntity<byte[]> logo() {
        Logo logo = brandings.logo(tenants.current().id()).orElseThrow(BrandingController::logoNotFound);
        return logoResponse(logo, CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate());
    }

    @DeleteMapping("/logo")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    ResponseEntity<Void> deleteLogo() {
        if (!brandings.deleteLogo(tenants.current().id())) {
            throw logoNotFound();
        }
        return ResponseEntity.noContent().build();
    }

    static ProblemException logoNotFound() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "logo-not-found",
                "Logo not found", "The tenant has no uploaded logo.");
    }

    /** The logo bytes, served so a browser never runs anything in them. */
    static ResponseEntity<byte[]> logoResponse(Logo logo, CacheControl cache) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.contentType()))
                .cacheControl(cache)
                .eTag("\"" + logo.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("Content-Disposition", "inline; filename=\"logo\"")
                .body(logo.content());
    }

    record BrandingRequest(String primaryColor, String secondaryColor, String logoUrl) {
    }

    /**
     * @param primaryColor effective primary colour (override, else {@code client.yaml})
     * @param overrides what the tenant set through this API (null fields fall back to {@code client.yaml})
     */
    record BrandingView(String primaryColor, String secondaryColor, String logoUrl, boolean logoUploaded,
            String logoContentType, Integer logoSize, BrandingRequest overrides, Instant updatedAt) {

        static BrandingView of(BrandingDetails details) {
            Tenant.Branding effective = details.effective();
            return new BrandingView(effective.primaryColor(), effective.secondaryColor(), effective.logoUrl(),
                    details.logoUploaded(), details.logoContentType(), details.logoSize(),
                    new BrandingRequest(details.primaryColorOverride(), details.secondaryColorOverride(),
                            details.logoUrlOverride()),
                    details.updatedAt());
        }
    }
}
