package com.zorahai.invoicing.web;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static com.zorahai.invoicing.InvoicesApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.tenancy.Tenants;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InvoicingTest
class InvoiceApiTests {

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

    @BeforeEach
    void setUp() {
        api = new InvoicesApi(mvc, tokens, tenants, clients);
    }

    @Test
    void aStandaloneDraftHasItsLinesAndTotalsAndNoNumber() {
        String tenant = api.newAgency();
        String client = api.client(tenant, "standalone@example.com");
        MvcTestResult created = api.post(tenant, Role.CONSULTANT, INVOICES, """
                {"client_id": "%s", "notes": "Thanks!", "lines": [
                  {"type": "hotel", "description": "Hotel  night", "quantity": 3, "unit_price": "1000.005",
                   "tax_rate": 15},
                  {"type": "fee", "description": "Service fee", "unit_price": 250},
                  {"description": "Transfer", "quantity": 1.5, "unit_price": 99.99, "tax_rate": 15}]}"""
                .formatted(client));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String id = read(created, "$.id");
        assertThat(created.getResponse().getHeader("Location")).endsWith(INVOICES + "/" + id);
        assertThat(created).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("draft");
            assertThat(json).extractingPath("$.number").isNull();
            assertThat(json).extractingPath("$.issue_date").isNull();
            assertThat(json).extractingPath("$.currency").isEqualTo("ZAR");
            assertThat(json).extractingPath("$.client_id").isEqualTo(client);
            assertThat(json).extractingPath("$.lines[0].description").isEqualTo("Hotel night");
            // 3 × 1000.005 = 3000.015 → 3000.02 (HALF_EVEN keeps the even 2 only on an exact half of a cent)
            assertThat(json).extractingPath("$.lines[0].total").isEqualTo(3000.02);
            assertThat(json).extractingPath("$.lines[1].type").isEqualTo("fee");
            assertThat(json).extractingPath("$.lines[1].quantity").isEqualTo(1);
            assertThat(json).extractingPath("$.lines[1].tax_rate").isEqualTo(0);
            assertThat(json).extractingPath("$.lines[2].type").isEqualTo("other");
            // 1.5 × 99.99 = 149.985 → 149.98 (exact half: to the even cent)
            assertThat(json).extractingPath("$.lines[2].total").isEqualTo(149.98);
            assertThat(json).extractingPath("$.subtotal").isEqualTo(3400.00);
            // 15 % of (3000.02 + 149.98) = 472.50
            assertThat(json).extractingPath("$.tax").isEqualTo(472.50);
            assertThat(json).extractingPath("$.total").isEqualTo(3872.50);
            assertThat(json).extractingPath("$.amount_paid").isEqualTo(0.00);
            assertThat(json).extractingPath("$.balance").isEqualTo(3872.50);
            assertThat(json).extractingPath("$.banking").isNull();
            assertThat(json).extractingPath("$.overdue").isEqualTo(false);
            assertThat(json).extractingPath("$.notes").isEqualTo("Thanks!");
        });
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + id)).hasStatusOk().bodyJson()
                .extractingPath("$.total").isEqualTo(3872.50);
    }

    @Test
    void badInputNamesEveryField() {
        String tenant = InvoicesApi.newTenant();
        String client = api.client(tenant, "bad-input@example.com");
        MvcTestResult result = api.post(tenant, Role.ADMIN, INVOICES, """
                {"client_id": "%s", "currency": "XYZ", "payment_terms_days": 400, "payment_reference": "#1",
                 "lines": [{"type": "spaceship", "unit_price": 1},
                           {"description": "x", "quantity": 0, "unit_price": -5, "tax_rate": 101},
                           {"description": "y", "unit_price": 1.1234567, "quantity": 1.2345}]}""".formatted(client));
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.type").isEqualTo("https://zorahai.com/problems/validation-failed");
            assertThat(json).extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("currency",
                    "lines[0].type", "lines[0].description", "lines[1].quantity", "lines[1].unit_price",
                    "lines[1].tax_rate", "lines[2].quantity", "lines[2].unit_price", "payment_reference",
                    "payment_terms_days");
        });

        assertThat(api.post(tenant, Role.ADMIN, INVOICES, "{\"lines\": []}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("client_id");
        assertThat(api.post(tenant, Role.ADMIN, INVOICES, "{\"client_id\": \"not-a-uuid\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].reason")
                .isEqualTo("must be a UUID");
        String otherTenantsClient = api.client(InvoicesApi.newTenant(), "elsewhere@example.com");
        assertThat(api.post(tenant, Role.ADMIN, INVOICES, "{\"client_id\": \"" + otherTenantsClient + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].reason")
                .isEqualTo("is not a client of this tenant");
        assertThat(api.post(tenant, Role.ADMIN, INVOICES, "{\"client_id\": \"" + client + "\", \"colour\": 1}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
        assertThat(api.post(tenant, Role.ADMIN, INVOICES, """
                {"client_id": "%s", "lines": [{"description": "x", "unit_price": "abc"}]}""".formatted(client)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("lines[0].unit_price");
        assertThat(api.post(tenant, Role.ADMIN, INVOICES, """
                {"client_id": "%s", "lines": [{"description": "Big discount", "type": "discount",
                 "unit_price": -5}]}""".formatted(client))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("lines");
        assertThat(jdbc.sql("select count(*) from invoices where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aTenantWithoutConfigurationInvoicesInUsdUnlessTheRequestNamesACurrency() {
        String tenant = InvoicesApi.newTenant();
        String client = api.client(tenant, "usd@example.com");
        String usd = api.draft(tenant, client, "10");
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + usd)).bodyJson().extractingPath("$.currency")
                .isEqualTo("USD");
        MvcTestResult yen = api.post(tenant, Role.CONSULTANT, INVOICES, """
                {"client_id": "%s", "currency": "jpy", "lines": [{"description": "Tour", "quantity": 3,
                 "unit_price": 333.5, "tax_rate": 10}]}""".formatted(client));
        // 3 × 333.5 = 1000.5 → 1000 (JPY has no minor unit; half to even); 10 % = 100
        assertThat(yen).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.currency").isEqualTo("JPY");
            assertThat(json).extractingPath("$.lines[0].total").isEqualTo(1000);
            assertThat(json).extractingPath("$.tax").isEqualTo(100);
            assertThat(json).extractingPath("$.total").isEqualTo(1100);
        });
    }

    @Test
    void aDraftChangesUntilItIsIssuedThenOnlyThroughPaymentsAndVoid() {
        String tenant = api.newAgency();
        String client = api.client(tenant, "patch@example.com");
        String other = api.client(tenant, "patch-other@example.com");
        String id = api.draft(tenant, client, "100");

        MvcTestResult patched = api.patch(tenant, Role.CONSULTANT, INVOICES + "/" + id, """
                {"client_id": "%s", "notes": "Deposit received", "payment_terms_days": 7,
                 "payment_reference": "SMITH-JUNE", "lines": [{"description": "Safari", "unit_price": 500,
                 "tax_rate": 15}]}""".formatted(other));
        assertThat(patched).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.client_id").isEqualTo(other);
            assertThat(json).extractingPath("$.lines").asArray().hasSize(1);
            assertThat(json).extractingPath("$.total").isEqualTo(575.00);
            assertThat(json).extractingPath("$.payment_terms_days").isEqualTo(7);
        });
        // left-out fields stay; null clears
        assertThat(api.patch(tenant, Role.CONSULTANT, INVOICES + "/" + id, "{\"notes\": null}")).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.notes").isNull();
                    assertThat(json).extractingPath("$.total").isEqualTo(575.00);
                });
        assertThat(api.patch(tenant, Role.CONSULTANT, INVOICES + "/" + id, "{\"currency\": \"EUR\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.currency").isEqualTo("EUR");
        assertThat(api.patch(tenant, Role.CONSULTANT, INVOICES + "/" + id, "{\"lines\": [{\"unit_price\": 1}]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("lines[0].description");
        assertThat(api.patch(tenant, Role.CONSULTANT, INVOICES + "/" + id, "[]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(tenant, Role.CONSULTANT, INVOICES + "/" + id, "{\"nope\": 1}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("nope");

        LocalDate today = LocalDate.now(ZoneId.of("Africa/Johannesburg"));
        MvcTestResult issued = api.post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/issue");
        assertThat(issued).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("issued");
            assertThat(json).extractingPath("$.number").isEqualTo("INV-000001");
            assertThat(json).extractingPath("$.issue_date").isEqualTo(today.toString());
            assertThat(json).extractingPath("$.due_date").isEqualTo(today.plusDays(7).toString());
            assertThat(json).extractingPath("$.payment_reference").isEqualTo("SMITH-JUNE");
            assertThat(json).extractingPath("$.banking.bank_name").isEqualTo("Test Bank");
            assertThat(json).extractingPath("$.banking.account_number").isEqualTo("62000000001");
            assertThat(json).extractingPath("$.issued_at").isNotNull();
        });

        assertThat(api.patch(tenant, Role.ADMIN, INVOICES + "/" + id, "{}")).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/invoice-not-draft");
        assertThat(api.post(tenant, Role.ADMIN, INVOICES + "/" + id + "/issue")).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.delete(tenant, Role.OWNER, INVOICES + "/" + id)).hasStatus(HttpStatus.CONFLICT).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/invoice-not-deletable");
        // not even the database lets an issued invoice go
        assertThat(jdbc.sql("select count(*) from invoices where id = ?::uuid").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void issuingTakesTheDefaultTermsAndTheNumberAsPaymentReference() {
        String tenant = api.newAgency();
        String id = api.draft(tenant, api.client(tenant, "terms@example.com"), "10");
        LocalDate today = LocalDate.now(ZoneId.of("Africa/Johannesburg"));
        assertThat(api.post(tenant, Role.OWNER, INVOICES + "/" + id + "/issue")).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.due_date").isEqualTo(today.plusDays(14).toString());
                    assertThat(json).extractingPath("$.payment_reference").isEqualTo("INV-000001");
                });
        // the tenant's banking changes later; the issued invoice keeps its snapshot
        tenants.updateSettings(com.zorahai.tenancy.TenantId.of(tenant), Map.of("banking",
                Map.of("bank_name", "Other Bank")));
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + id)).bodyJson().extractingPath("$.banking.bank_name")
                .isEqualTo("Test Bank");
    }

    @Test
    void anInvoiceWithoutLinesCannotBeIssuedAndTakesNoNumber() {
        String tenant = InvoicesApi.newTenant();
        String client = api.client(tenant, "empty@example.com");
        String empty = api.draft(tenant, "{\"client_id\": \"" + client + "\"}");
        assertThat(api.post(tenant, Role.ADMIN, INVOICES + "/" + empty + "/issue"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invoice-has-no-lines");
        assertThat(api.issue(tenant, api.draft(tenant, client, "5"))).isEqualTo("INV-000001");
    }

    @Test
    void onlyDraftsAreDeleted() {
        String tenant = InvoicesApi.newTenant();
        String id = api.draft(tenant, api.client(tenant, "delete@example.com"), "5");
        assertThat(api.delete(tenant, Role.AGENT, INVOICES + "/" + id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.delete(tenant, Role.CONSULTANT, INVOICES + "/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(tenant, Role.ADMIN, INVOICES + "/" + id)).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/invoice-not-found");
        assertThat(api.delete(tenant, Role.CONSULTANT, INVOICES + "/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void listsFilterByStatusClientAndOverdue() {
        String tenant = InvoicesApi.newTenant();
        String alice = api.client(tenant, "alice-list@example.com");
        String bob = api.client(tenant, "bob-list@example.com");
        String draft = api.draft(tenant, alice, "1");
        String issued = api.draft(tenant, alice, "2");
        api.issue(tenant, issued);
        String late = api.draft(tenant, bob, "3");
        api.issue(tenant, late);
        jdbc.sql("update invoices set issue_date = current_date - 30, due_date = current_date - 16 where id = ?::uuid")
                .param(late).update();

        assertThat(api.get(tenant, Role.AGENT, INVOICES)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.total").isEqualTo(3);
            assertThat(json).extractingPath("$.page").isEqualTo(0);
            assertThat(json).extractingPath("$.size").isEqualTo(20);
            assertThat(json).extractingPath("$.items[*].id").asArray().containsExactly(late, issued, draft);
            assertThat(json).doesNotHavePath("$.items[0].lines");
        });
        assertThat(ids(api.get(tenant, Role.AGENT, INVOICES + "?status=draft"))).containsExactly(draft);
        assertThat(ids(api.get(tenant, Role.AGENT, INVOICES + "?client_id=" + alice))).containsExactly(issued, draft);
        assertThat(ids(api.get(tenant, Role.AGENT, INVOICES + "?overdue=true"))).containsExactly(late);
        assertThat(ids(api.get(tenant, Role.AGENT, INVOICES + "?overdue=false"))).containsExactly(issued, draft);
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + late)).bodyJson().extractingPath("$.overdue")
                .isEqualTo(true);
        assertThat(ids(api.get(tenant, Role.AGENT, INVOICES + "?size=1&page=1"))).containsExactly(issued);

        assertThat(api.get(tenant, Role.AGENT, INVOICES + "?status=lost&client_id=x&size=0&page=-1"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("status", "client_id", "size", "page");
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "?overdue=maybe")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(InvoicesApi.newTenant(), Role.AGENT, INVOICES)).bodyJson().extractingPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void agentsReadButDoNotWrite() {
        String tenant = InvoicesApi.newTenant();
        String client = api.client(tenant, "roles@example.com");
        String id = api.draft(tenant, client, "5");
        String body = "{\"client_id\": \"" + client + "\"}";
        assertThat(api.post(tenant, Role.AGENT, INVOICES, body)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(tenant, Role.AGENT, INVOICES + ":from-quote", "{\"quote_id\": \"" + id + "\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.patch(tenant, Role.AGENT, INVOICES + "/" + id, "{}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(tenant, Role.AGENT, INVOICES + "/" + id + "/issue")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(tenant, Role.AGENT, INVOICES + "/" + id + "/payments", "{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(tenant, Role.AGENT, INVOICES + "/" + id + "/send")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(tenant, Role.AGENT, INVOICES + "/" + id + "/travelers", "{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(tenant, Role.CONSULTANT, INVOICES + "/" + id + "/void", "{\"reason\": \"x\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        for (String path : List.of(INVOICES, INVOICES + "/" + id, INVOICES + "/" + id + "/payments",
                INVOICES + "/" + id + "/travelers")) {
            assertThat(api.get(tenant, Role.AGENT, path)).as(path).hasStatusOk();
        }
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/not-a-uuid")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    private static List<String> ids(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return read(result, "$.items[*].id");
    }
}
