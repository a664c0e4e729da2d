package com.zorahai.email;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zorahai.IntegrationTest;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import com.zorahai.tenancy.Tenants;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The application with a WireMock SendGrid, quick retries (3 attempts, milliseconds apart), a small circuit breaker,
 * and the tenant registry mocked. Every email test class extends this, so they share one context.
 */
@IntegrationTest
public abstract class EmailTestSupport {

    /** One fake SendGrid for the whole test run, like the context that points at it. */
    protected static final WireMockServer SENDGRID = new WireMockServer(options().dynamicPort());

    static {
        SENDGRID.start();
    }

    @MockitoBean
    protected Tenants tenants;

    @MockitoBean
    protected TenantTemplates tenantTemplates;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void sendgrid(DynamicPropertyRegistry registry) {
        registry.add("zorah.email.sendgrid.host", () -> "http://localhost:" + SENDGRID.port());
        registry.add("zorah.email.sendgrid.master-api-key", () -> "");
        registry.add("zorah.email.sendgrid.read-timeout", () -> "2s");
        registry.add("zorah.email.max-attempts", () -> "3");
        registry.add("zorah.email.inbound.max-message-size", () -> "1MB");
        registry.add("zorah.email.inbound.max-attachment-size", () -> "64KB");
        registry.add("zorah.email.retry.initial-backoff", () -> "5ms");
        registry.add("zorah.email.retry.max-backoff", () -> "20ms");
        registry.add("zorah.email.worker.batch-size", () -> "50");
        registry.add("resilience4j.circuitbreaker.configs.sendgrid.sliding-window-size", () -> "4");
        registry.add("resilience4j.circuitbreaker.configs.sendgrid.minimum-number-of-calls", () -> "4");
        registry.add("resilience4j.circuitbreaker.configs.sendgrid.wait-duration-in-open-state", () -> "1h");
    }

    /** A fresh tenant id, so tests never see each other's emails. */
    protected static String newTenantId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Registers a tenant with its own SendGrid key ({@code null}: none) and returns its key. */
    protected String givenTenant(String id, String sendgridKey) {
        Tenant tenant = new Tenant(TenantId.of(id), "Acme Travel", Currency.getInstance("ZAR"),
                ZoneId.of("Africa/Johannesburg"), Locale.ENGLISH, Set.of(),
                new Tenant.Email(sendgridKey, "hello@acme.example", "Acme Travel", "support@acme.example", null,
                        null, null),
                null, null, null, null, null, null, null, new Tenant.Branding("#aa3300", null, null),
                Tenant.Source.FILE);
        when(tenants.find(TenantId.of(id))).thenReturn(Optional.of(tenant));
        return sendgridKey;
    }

    /** A tenant with its own key, {@code SG.<tenant>.key}. */
    protected String givenTenantWithKey(String id) {
        return givenTenant(id, "SG." + id + ".key");
    }

    protected String status(UUID id) {
        return jdbc.sql("select status from outbound_emails where id = :id").param("id", id).query(String.class)
                .single();
    }

    protected long rows(String tenant) {
        return jdbc.sql("select count(*) from outbound_emails where tenant_id = :t").param("t", tenant)
                .query(Long.class).single();
    }

    protected static OutboundEmail email(String tenant, String to, String key) {
        return new OutboundEmail(TenantId.of(tenant), java.util.List.of(to), java.util.List.of(), "Hello",
                null, null, "<p>Hello there</p>", null, java.util.List.of(), key);
    }
}
