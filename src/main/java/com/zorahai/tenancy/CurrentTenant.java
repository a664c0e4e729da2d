package com.zorahai.tenancy;

import com.zorahai.platform.ProblemException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place every module reads the tenant of the current request from.
 */
@Component
public class CurrentTenant {

    /** The tenant of the authenticated request, if any. */
    public Optional<TenantId> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TenantScoped scoped) {
            return Optional.ofNullable(scoped.tenantId());
        }
        return Optional.empty();
    }

    /** The tenant of the authenticated request; a 403 problem when the request acts for none. */
    public TenantId require() {
        return find().orElseThrow(() -> ProblemException.of(HttpStatus.FORBIDDEN, "no-tenant", "No tenant",
                "The request is not made for a tenant."));
    }
}
