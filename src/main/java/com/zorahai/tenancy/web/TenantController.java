package com.zorahai.tenancy.web;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's tenant: its effective configuration (secrets masked) and its overridable settings.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController
@RequestMapping("/api/v1/tenant")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    TenantView tenant() {
        Tenant tenant = tenants.current();
        return TenantView.of(tenant, tenants.settings(tenant.id()));
    }

    /** A JSON merge patch of overridable fields; {@code null} removes an override. */
    @PatchMapping(path = "/settings", consumes = {"application/json", "application/merge-patch+json"})
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    TenantView updateSettings(@RequestBody Map<String, Object> patch) {
        Tenant tenant = tenants.updateSettings(tenants.current().id(), patch);
        return TenantView.of(tenant, tenants.settings(tenant.id()));
    }
}
