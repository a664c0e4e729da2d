package com.zorahai.identity.internal;

import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emails of the account flows, queued in the outbox with a link built from {@code zorah.base-url}
 * ({@code BASE_URL}). Templates: {@code email/password-reset}, {@code email/invitation},
 * {@code email/email-verification}; model keys {@code name}, {@code link}, {@code tenantName}, {@code expiresAt}.
 */
@Component
public class AccountEmails {

    private final Emails emails;
    private final Tenants tenants;
    private final String baseUrl;

    AccountEmails(Emails emails, Tenants tenants, @Value("${zorah.base-url}") String baseUrl) {
        this.emails = emails;
        this.tenants = tenants;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public void passwordReset(UserAccount user, TenantId tenant, OneTimeTokens.Issued token) {
        queue(tenant, user.email(), "Reset your password", "email/password-reset", displayName(user),
                "/reset-password", token.token(), token.expiresAt());
    }

    public void verification(UserAccount user, TenantId tenant, OneTimeTokens.Issued token) {
        queue(tenant, user.email(), "Confirm your email address", "email/email-verification", displayName(user),
                "/api/v1/auth/verify-email", token.token(), token.expiresAt());
    }

    public void invitation(TenantId tenant, String email, String inviterName, String token, Instant expiresAt) {
        String tenantName = tenantName(tenant);
        Map<String, Object> extra = Map.of("inviterName", inviterName == null ? "" : inviterName);
        queue(tenant, email, "You are invited to join " + tenantName, "email/invitation", email, "/accept-invitation",
                token, expiresAt, extra);
    }

    public String link(String path, String token) {
        return baseUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    String tenantName(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::name).orElse(tenant.value());
    }

    private void queue(TenantId tenant, String to, String subject, String template, String name, String path,
            String token, Instant expiresAt) {
        queue(tenant, to, subject, template, name, path, token, expiresAt, Map.of());
    }

    private void queue(TenantId tenant, String to, String subject, String template, String name, String path,
            String token, Instant expiresAt, Map<String, Object> extra) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name);
        model.put("link", link(path, token));
        model.put("tenantName", tenantName(tenant));
        model.put("expiresAt", expiresAt.toString());
        model.putAll(extra);
        // one email per token: a retry of the same request does not send it twice
        String key = template.substring(template.indexOf('/') + 1) + ":" + SecretTokens.hash(token).substring(0, 32);
        emails.queue(OutboundEmail.templated(tenant, to, subject, template, model, key));
    }

    private static String displayName(UserAccount user) {
        return user.name() == null || user.name().isBlank() ? user.email() : user.name();
    }
}
