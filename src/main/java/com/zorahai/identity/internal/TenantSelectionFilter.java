package com.zorahai.identity.internal;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.platform.web.ProblemWriter;
import com.zorahai.tenancy.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Chooses the tenant a request acts for, from the caller's active memberships: the one named by
 * {@code X-Tenant-ID} (403 {@code tenant-forbidden} when it is not one of them), else the oldest. The request then
 * runs as an {@link AuthenticatedUser} with that membership's role, with {@code userId} and {@code tenantId} in the
 * MDC. A caller with no membership reaches only {@code /api/v1/auth/me}, {@code /register} and {@code /logout}.
 */
final class TenantSelectionFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Tenant-ID";
    static final Set<String> WITHOUT_TENANT = Set.of("/api/v1/auth/me", "/api/v1/auth/register",
            "/api/v1/auth/logout");

    private final ProblemWriter problems;

    TenantSelectionFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof AccountAuthentication verified)) {
            chain.doFilter(request, response);
            return;
        }
        Account account = verified.account();
        String header = request.getHeader(HEADER);
        Optional<Membership> membership;
        if (header != null && !header.isBlank()) {
            String wanted = header.trim();
            membership = TenantId.isValid(wanted) ? account.activeMembership(TenantId.of(wanted)) : Optional.empty();
            if (membership.isEmpty()) {
                problems.write(response, HttpStatus.FORBIDDEN, "tenant-forbidden", "Tenant forbidden",
                        "You are not a member of this tenant.");
                return;
            }
        } else {
            membership = account.defaultMembership();
        }
        if (membership.isEmpty() && needsTenant(request)) {
            problems.write(response, HttpStatus.FORBIDDEN, "no-membership", "No membership",
                    "Your account belongs to no tenant yet.");
            return;
        }
        AuthenticatedUser user = new AuthenticatedUser(account.user().id(), account.user().email(),
                membership.map(Membership::tenantId).orElse(null), membership.map(Membership::role).orElse(null));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TenantAuthentication(user, verified.jwt()));
        SecurityContextHolder.setContext(context);
        MDC.put("userId", user.userId().toString());
        if (user.tenantId() != null) {
            MDC.put("tenantId", user.tenantId().value());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("userId");
            MDC.remove("tenantId");
        }
    }

    private static boolean needsTenant(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") && !WITHOUT_TENANT.contains(path) && !SecurityConfiguration.isPublicApi(path);
    }
}
