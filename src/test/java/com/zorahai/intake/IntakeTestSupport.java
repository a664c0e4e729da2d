package com.zorahai.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.tenancy.internal.TenantRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What the intake tests share: a tenant of their own with email intake on and an inbound secret, hotel rates for
 * Zanzibar, and posting mail through the real Inbound Parse webhook, then waiting for intake to handle it.
 */
public abstract class IntakeTestSupport {

    /** A 4-star all-inclusive room in Zanzibar at ZAR 5,000 a night, for 2 adults and 2 children. */
    protected static final String ZANZIBAR_RATES = """
            hotel_name,hotel_code,destination,room_type,board_basis,stars,valid_from,valid_to,rate,rate_basis,\
            max_adults,max_children,child_free_under,child_max_age,child_rate,child_percent,currency,supplier
            Coral Beach Resort,ZNZ-CB,Zanzibar,Garden Room,AI,4,2026-11-01,2027-12-31,5000,per_room,2,2,,,,,ZAR,DMC
            """;

    /** The email of the tests: a family of four, Zanzibar, 2 to 9 April 2027, all-inclusive, 4 stars, R80 000. */
    protected static final String ZANZIBAR_TEXT = """
            Hi there,

            We're looking at a family holiday to Zanzibar, flying from Johannesburg. Dates would be 2-9 April 2027.

            We are 2 adults and 2 kids aged 5 and 9. We'd like an all-inclusive 4-star resort close to the beach.
            Our budget is around R80 000 in total.

            Kind regards,
            Sarah Mitchell
            """;

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Tenants tenants;

    @Autowired
    protected TenantRegistry registry;

    /** A new tenant with email intake on, quotes in rand; its inbound secret is {@code secret-<id>}. */
    protected String newTenant(Tenant.Feature... features) {
        String id = "in-" + UUID.randomUUID().toString().substring(0, 12);
        Set<Tenant.Feature> on = features.length == 0
                ? Set.of(Tenant.Feature.CRM, Tenant.Feature.QUOTES, Tenant.Feature.EMAIL_INTAKE)
                : Set.of(features);
        tenants.create(new NewTenant(TenantId.of(id), "Sunway Travel", on));
        jdbc.sql("insert into tenant_settings (tenant_id, settings) values (?, ?::jsonb)").params(id, """
                {"currency": "ZAR", "timezone": "Africa/Johannesburg", "locale": "en-ZA",
                 "email": {"inbound_secret": "secret-%s", "inbound_address": "%s@inbound.zorahai.test"}}"""
                .formatted(id, id)).update();
        registry.invalidate();
        return id;
    }

    protected static String address(String tenant) {
        return tenant + "@inbound.zorahai.test";
    }

    /** Imports hotel rates for the tenant. */
    protected void rates(String tenant, String csv) {
        assertThat(mvc.post().uri("/api/v1/pricing/hotel-rates:import")
                .header("Authorization", tokens.bearer(tenant, Role.ADMIN))
                .contentType("text/csv").content(csv)).hasStatusOk();
    }

    /** Posts the mail to the tenant's Inbound Parse webhook (secret as a token) and returns the inbound email id. */
    protected UUID post(String tenant, ParsedMail mail) {
        MvcTestResult result = mvc.post().uri("/webhooks/email/inbound/{tenant}?token=secret-{tenant}", tenant, tenant)
                .multipart()
                .part(mail.parts())
                .exchange();
        assertThat(result).hasStatusOk();
        return UUID.fromString(read(result, "$.id"));
    }

    /** Waits until intake has handled the email and returns its row. */
    protected Map<String, Object> handled(String tenant, UUID inboundEmailId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(tenant, inboundEmailId) == 1);
        return jdbc.sql("select * from intake_requests where tenant_id = ? and inbound_email_id = ?")
                .params(tenant, inboundEmailId)
                .query()
                .singleRow();
    }

    protected long requests(String tenant, UUID inboundEmailId) {
        return jdbc.sql("select count(*) from intake_requests where tenant_id = ? and inbound_email_id = ?")
                .params(tenant, inboundEmailId).query(Long.class).single();
    }

    protected long count(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenant).query(Long.class)
                .single();
    }

    protected static String read(MvcTestResult result, String path) {
        try {
            Object value = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(
                    StandardCharsets.UTF_8), path);
            return value == null ? null : value.toString();
        } catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
