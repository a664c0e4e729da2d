package com.zorahai.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The whole application, PDFs rendered for real. Every quoting test class extends this; they share the context of
 * every other integration test.
 */
@IntegrationTest
public abstract class QuotingTestSupport {

    protected static final String QUOTES = "/api/v1/quotes";

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected Clients clients;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Tenants tenants;

    protected String tenant;

    @BeforeEach
    void quotingDefaults() {
        tenant = newTenant();
    }

    /** A new tenant of its own (named after its id, prices in rand), so every test starts from an empty one. */
    protected String newTenant() {
        TenantId id = TenantId.of("q-" + UUID.randomUUID().toString().substring(0, 12));
        tenants.create(new NewTenant(id, id.value(), Set.of(Tenant.Feature.QUOTES, Tenant.Feature.INVOICES)));
        tenants.updateSettings(id, Map.of("currency", "ZAR", "locale", "en", "timezone", "Africa/Johannesburg"));
        return id.value();
    }

    protected String auth(Role role) {
        return tokens.bearer(tenant, role);
    }

    /** A client of the current tenant with this email. */
    protected String client(String email) {
        return clients.upsert(TenantId.of(tenant), ClientUpsert.byEmail(email, "Ana Lima", ClientSource.MANUAL))
                .clientId().toString();
    }

    protected MvcTestResult post(String uri, String json) {
        return mvc.post().uri(uri).header("Authorization", auth(Role.CONSULTANT))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    protected MvcTestResult put(String uri, String json) {
        return mvc.put().uri(uri).header("Authorization", auth(Role.CONSULTANT))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    protected MvcTestResult patch(String uri, String json) {
        return mvc.patch().uri(uri).header("Authorization", auth(Role.CONSULTANT))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    protected MvcTestResult get(String uri) {
        return mvc.get().uri(uri).header("Authorization", auth(Role.AGENT)).exchange();
    }

    /** Creates a draft through the API and returns its id. */
    protected String createQuote(String json) {
        MvcTestResult result = post(QUOTES, json);
        assertThat(result).hasStatus(201);
        return read(result, "$.id");
    }

    /** A draft for a new client with one hotel line of 1000 ZAR at 20 % markup, valid for 10 days. */
    protected String draft() {
        return createQuote("""
                {"client_id": "%s", "currency": "ZAR", "travel_start": "2027-02-01", "travel_end": "2027-02-08",
                 "adults": 2, "children_ages": [7], "notes": "Sea view",
                 "lines": [{"type": "hotel", "description": "Beach Hotel, 7 nights", "unit_cost": 1000,
                            "markup_percent": 20}]}
                """.formatted(client("ana+" + UUID.randomUUID().toString().substring(0, 6) + "@example.com")));
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
