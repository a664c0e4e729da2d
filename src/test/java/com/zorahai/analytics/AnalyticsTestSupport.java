package com.zorahai.analytics;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.analytics.internal.AnalyticsRecorder;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The whole application on the shared embedded PostgreSQL; each test makes tenants of its own.
 */
@IntegrationTest
public abstract class AnalyticsTestSupport {

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected Tenants tenants;

    @Autowired
    protected AnalyticsRecorder recorder;

    @Autowired
    protected JdbcClient jdbc;

    /** A new tenant with analytics on, in this time zone. */
    protected TenantId newTenant(String zone) {
        return newTenant(zone, Map.of());
    }

    /** A new tenant with analytics on, in this time zone, with more settings (e.g. {@code trainer_whatsapp_number}). */
    protected TenantId newTenant(String zone, Map<String, Object> settings) {
        TenantId id = TenantId.of("an-" + UUID.randomUUID().toString().substring(0, 12));
        tenants.create(new NewTenant(id, "Clinic " + id.value().substring(3, 7),
                Set.of(Tenant.Feature.ANALYTICS, Tenant.Feature.WHATSAPP)));
        Map<String, Object> patch = new HashMap<>(settings);
        patch.put("timezone", zone);
        patch.putIfAbsent("currency", "USD");
        tenants.updateSettings(id, patch);
        return id;
    }

    protected String auth(TenantId tenant, Role role) {
        return tokens.bearer(tenant.value(), role);
    }

    /** Records an event with a fresh source key. */
    protected void record(TenantId tenant, String type, String subject, Instant at, Map<String, Object> properties) {
        recorder.record(tenant, type, subject, type + ":" + UUID.randomUUID(), properties, at);
    }

    protected void record(TenantId tenant, String type, String subject, Instant at) {
        record(tenant, type, subject, at, Map.of());
    }

    protected long count(TenantId tenant, String type) {
        return jdbc.sql("select count(*) from analytics_events where tenant_id = ? and type = ?")
                .params(tenant.value(), type).query(Long.class).single();
    }
}
