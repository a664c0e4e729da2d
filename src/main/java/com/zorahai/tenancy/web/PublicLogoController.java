package com.zorahai.tenancy.web;

import com.zorahai.tenancy.TenantBrandings;
import com.zorahai.tenancy.TenantBrandings.Logo;
import com.zorahai.tenancy.Tenants;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenant logos at a public address, for emails and documents read outside the dashboard. A logo is shown to every
 * customer of the tenant anyway; nothing else about the tenant is exposed here.
 */
@PreAuthorize("permitAll()")
@RestController
class PublicLogoController {

    private final Tenants tenants;
    private final TenantBrandings brandings;

    PublicLogoController(Tenants tenants, TenantBrandings brandings) {
        this.tenants = tenants;
        this.brandings = brandings;
    }

    @GetMapping("/public/tenants/{tenantId}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String tenantId) {
        Logo logo = brandings.logo(tenants.forWebhook(tenantId).id())
                .orElseThrow(BrandingController::logoNotFound);
        // the address carries the logo's hash, so it may be cached for long
        return BrandingController.logoResponse(logo, CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
    }
}
