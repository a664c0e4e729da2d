package com.zorahai.identity;

import com.zorahai.tenancy.CurrentTenant;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A records-style endpoint (every role works records) that tells who the request acts as, for the security tests.
 */
@RestController
class RecordsProbeController {

    private final CurrentTenant currentTenant;

    RecordsProbeController(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @GetMapping("/api/v1/test-probe/records")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
    Map<String, String> whoAmI(@AuthenticationPrincipal AuthenticatedUser user) {
        return Map.of("tenant", currentTenant.require().value(), "role", user.role().value(), "user",
                user.userId().toString());
    }
}
