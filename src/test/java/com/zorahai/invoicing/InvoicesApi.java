package com.zorahai.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.zorahai.TestTokens;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.io.UnsupportedEncodingException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Calls of the invoices API as a user of a tenant, and the tenants and clients they need, for tests.
 */
public final class InvoicesApi {

    public static final String INVOICES = "/api/v1/invoices";

    private final MockMvcTester mvc;
    private final TestTokens tokens;
    private final Tenants tenants;
    private final Clients clients;

    public InvoicesApi(MockMvcTester mvc, TestTokens tokens, Tenants tenants, Clients clients) {
        this.mvc = mvc;
        this.tokens = tokens;
        this.tenants = tenants;
        this.clients = clients;
    }

    /** A tenant id no other test uses; it exists only through memberships (no configuration: USD, UTC). */
    public static String newTenant() {
        return "inv-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A tenant with configuration: ZAR, Johannesburg time, and banking details. */
    public String newAgency() {
        String id = newTenant();
        tenants.create(new NewTenant(TenantId.of(id), "Agency " + id, Set.of(Tenant.Feature.INVOICES)));
        tenants.updateSettings(TenantId.of(id), Map.of("currency", "ZAR", "timezone", "Africa/Johannesburg",
                "banking", Map.of("bank_name", "Test Bank", "account_name", "Agency (Pty) Ltd", "account_number",
                        "62000000001", "branch_code", "250655")));
        return id;
    }

    /** A client of the tenant with this email. */
    public String client(String tenant, String email) {
        ClientId id = clients.upsert(TenantId.of(tenant), ClientUpsert.byEmail(email, "Client " + email,
                ClientSource.MANUAL)).clientId();
        return id.toString();
    }

    public MvcTestResult get(String tenant, Role role, String path) {
        return mvc.get().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    public MvcTestResult post(String tenant, Role role, String path, String json) {
        return mvc.post().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    public MvcTestResult post(String tenant, Role role, String path) {
        return mvc.post().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    public MvcTestResult patch(String tenant, Role role, String path, String json) {
        return mvc.patch().uri(path).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    public MvcTestResult delete(String tenant, Role role, String path) {
        return mvc.delete().uri(path).header("Authorization", tokens.bearer(tenant, role)).exchange();
    }

    /** Creates a draft for the client with one line of {@code price} (15 % tax) and gives its id. */
    public String draft(String tenant, String clientId, String price) {
        return draft(tenant, """
                {"client_id": "%s", "lines": [{"type": "hotel", "description": "Two nights", "quantity": 2,
                 "unit_price": %s, "tax_rate": 15}]}""".formatted(clientId, price));
    }

    /** Creates a draft from the JSON and gives its id. */
    public String draft(String tenant, String json) {
        MvcTestResult result = post(tenant, Role.CONSULTANT, INVOICES, json);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return read(result, "$.id");
    }

    /** Issues the invoice and gives its number. */
    public String issue(String tenant, String id) {
        MvcTestResult result = post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/issue");
        assertThat(result).hasStatusOk();
        return read(result, "$.number");
    }

    public MvcTestResult pay(String tenant, String id, String json) {
        return post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/payments", json);
    }

    public static <T> T read(MvcTestResult result, String path) {
        return JsonPath.read(body(result), path);
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
