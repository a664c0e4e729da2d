package com.zorahai.platform.audit;

import com.zorahai.platform.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jwt.JwtClaimAccessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes a {@code pii_audit} row for every request to a PII resource once its status is known: who (the user, from
 * the MDC or the authentication), for which tenant (MDC {@code tenantId}), what (read or change, resource type and
 * id, method, path, status), from where (client IP, behind proxies the forwarded one) and the request id. It runs
 * inside the security filter chain, so it sees the authenticated user; requests the chain rejects never reach a
 * record and are not written. A failure to write is logged and never fails the request.
 */
class PiiAuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PiiAuditFilter.class);

    private final List<PiiAuditProperties.Resource> resources;
    private final PiiAuditLog audit;

    PiiAuditFilter(PiiAuditProperties properties, PiiAuditLog audit) {
        this.resources = properties.resources();
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) || match(path(request)).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int status = failed && !response.isCommitted()
                    ? HttpStatus.INTERNAL_SERVER_ERROR.value()
                    : response.getStatus();
            match(path(request)).ifPresent(target -> write(request, target, status));
        }
    }

    private void write(HttpServletRequest request, Target target, int status) {
        String method = request.getMethod();
        try {
            audit.record(new PiiAccess(cut(MDC.get(Correlation.TENANT_ID), 63), cut(actor(), 255),
                    "GET".equals(method) || "HEAD".equals(method) ? "read" : "change", cut(target.type(), 64),
                    cut(target.id(), 255), cut(method, 10), cut(path(request), 2048), status, cut(request
                            .getRemoteAddr(), 64),
                    cut(MDC.get(Correlation.REQUEST_ID), 64)));
        } catch (RuntimeException ex) {
            log.error("Could not write the PII audit record of a {} {} access", method, target.type(), ex);
        }
    }

    /** The resource and record a path addresses, if it is a PII path. */
    Optional<Target> match(String path) {
        for (PiiAuditProperties.Resource resource : resources) {
            String prefix = resource.path();
            if (path.equals(prefix)) {
                return Optional.of(new Target(resource.type(), null));
            }
            if (path.startsWith(prefix + "/")) {
                String rest = path.substring(prefix.length() + 1);
                int slash = rest.indexOf('/');
                String id = slash < 0 ? rest : rest.substring(0, slash);
                return Optional.of(new Target(resource.type(), id.isEmpty() ? null : id));
            }
        }
        return Optional.empty();
    }

    static String actor() {
        String user = MDC.get(Correlation.USER_ID);
        if (user != null) {
            return user;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof CharSequence || principal instanceof Principal
                || principal instanceof AuthenticatedPrincipal || principal instanceof UserDetails) {
            return authentication.getName();
        }
        // a token-based principal: the token's subject, never the principal's toString (it may hold an email)
        if (principal instanceof JwtClaimAccessor jwt) {
            return jwt.getSubject();
        }
        return authentication.getCredentials() instanceof JwtClaimAccessor jwt ? jwt.getSubject() : null;
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** A PII resource type and the id of the record, {@code null} for the collection. */
    record Target(String type, String id) {
    }
}
