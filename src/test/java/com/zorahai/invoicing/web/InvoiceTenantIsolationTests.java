package com.zorahai.invoicing.web;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static com.zorahai.invoicing.InvoicesApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.crm.Clients;
import com.zorahai.documents.Documents;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * An invoice of one tenant, with its payments, travellers and PDF, is invisible to every other tenant: each
 * {@code /api/v1/invoices/{id}...} endpoint answers 404 and changes nothing.
 */
@InvoicingTest
class InvoiceTenantIsolationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    Clients clients;

    @Autowired
    JdbcClient jdbc;

    InvoicesApi api;
    String owner;
    String other;

    @BeforeEach
    void setUp() {
        api = new InvoicesApi(mvc, tokens, tenants, clients);
        owner = api.newAgency();
        other = InvoicesApi.newTenant();
    }

    private TenantIsolation isolation() {
        return TenantIsolation.of(mvc, tokens);
    }

    @Test
    void aDraftIsInvisibleToAnotherTenant() {
        String draft = api.draft(owner, api.client(owner, "iso-draft@example.com"), "10");
        isolation().record(INVOICES + "/{id}", draft).ownedBy(owner).assertInvisibleTo(other);
        isolation().record(INVOICES + "/{id}", draft).ownedBy(owner)
                .update(HttpMethod.PATCH, "{\"notes\": \"mine now\"}").as(Role.OWNER).assertInvisibleTo(other);
        assertThat(api.post(other, Role.OWNER, INVOICES + "/" + draft + "/issue")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(owner, Role.AGENT, INVOICES + "/" + draft)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("draft");
            assertThat(json).extractingPath("$.notes").isNull();
        });
        assertThat(api.get(other, Role.OWNER, INVOICES)).bodyJson().extractingPath("$.total").isEqualTo(0);
    }

    @Test
    void anIssuedInvoiceItsPaymentsTravellersAndPdfAreInvisibleToAnotherTenant() {
        String id = api.draft(owner, api.client(owner, "iso-issued@example.com"), "10");
        String traveler = read(api.post(owner, Role.CONSULTANT, INVOICES + "/" + id + "/travelers",
                "{\"full_name\": \"Iso Traveller\", \"passport_number\": \"X1234567\"}"), "$.id");
        api.issue(owner, id);
        api.pay(owner, id, "{\"amount\": 5, \"method\": \"eft\"}");

        isolation().record(INVOICES + "/{id}", id).ownedBy(owner).assertInvisibleTo(other);
        isolation().record(INVOICES + "/{id}/payments", id).ownedBy(owner).withoutUpdate().withoutDelete()
                .assertInvisibleTo(other);
        isolation().record(INVOICES + "/{id}/travelers", id).ownedBy(owner).withoutUpdate().withoutDelete()
                .assertInvisibleTo(other);
        isolation().record(INVOICES + "/{id}/travelers/{traveler}", id, traveler).ownedBy(owner).withoutUpdate()
                .assertInvisibleTo(other);
        isolation().record(INVOICES + "/{id}/pdf", id).ownedBy(owner).withoutUpdate().withoutDelete()
                .assertInvisibleTo(other);

        for (Map.Entry<String, String> post : Map.of(
                "/payments", "{\"amount\": 1, \"method\": \"cash\"}",
                "/void", "{\"reason\": \"not yours\"}",
                "/send", "{\"to\": \"thief@example.com\"}",
                "/issue", "{}",
                "/travelers", "{\"full_name\": \"Intruder\"}").entrySet()) {
            assertThat(api.post(other, Role.OWNER, INVOICES + "/" + id + post.getKey(), post.getValue()))
                    .as(post.getKey()).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.type")
                    .isEqualTo("https://zorahai.com/problems/invoice-not-found");
        }
        assertThat(api.get(owner, Role.AGENT, INVOICES + "/" + id)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("partially_paid");
            assertThat(json).extractingPath("$.amount_paid").isEqualTo(5.00);
        });
        assertThat(api.get(owner, Role.AGENT, INVOICES + "/" + id + "/travelers")).bodyJson()
                .extractingPath("$.total").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbound_emails where tenant_id = ?").param(other)
                .query(Long.class).single()).isZero();
        // a traveller id of one invoice is not found under another invoice of the same tenant
        String second = api.draft(owner, api.client(owner, "iso-second@example.com"), "10");
        assertThat(api.get(owner, Role.ADMIN, INVOICES + "/" + second + "/travelers/" + traveler))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
