package com.zorahai.invoicing.web;

import static com.zorahai.invoicing.InvoicesApi.INVOICES;
import static com.zorahai.invoicing.InvoicesApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.TestTokens;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.invoicing.InvoicesApi;
import com.zorahai.invoicing.InvoicingTest;
import com.zorahai.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
class TravelerApiTests {

    static final String ANA = """
            {"full_name": "Ana  Lucia Ferreira", "date_of_birth": "1988-04-12", "passport_number": "m 1234-5678",
             "passport_expiry": "2031-06-30"}""";

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
    String tenant;

    @BeforeEach
    void setUp() {
        api = new InvoicesApi(mvc, tokens, tenants, clients);
        tenant = InvoicesApi.newTenant();
    }

    private String travelers(String invoice) {
        return INVOICES + "/" + invoice + "/travelers";
    }

    @Test
    void listsMaskThePassportAndLeaveOutTheDateOfBirth() {
        String invoice = api.draft(tenant, api.client(tenant, "family@example.com"), "100");
        MvcTestResult added = api.post(tenant, Role.CONSULTANT, travelers(invoice), ANA);
        assertThat(added).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.full_name").isEqualTo("Ana Lucia Ferreira");
            assertThat(json).extractingPath("$.passport_number").isEqualTo("****5678");
            assertThat(json).doesNotHavePath("$.date_of_birth");
        });
        String id = read(added, "$.id");
        assertThat(added.getResponse().getHeader("Location")).endsWith(travelers(invoice) + "/" + id);
        assertThat(api.post(tenant, Role.CONSULTANT, travelers(invoice), "{\"full_name\": \"Tiago Ferreira\"}"))
                .hasStatus(HttpStatus.CREATED);

        MvcTestResult list = api.get(tenant, Role.AGENT, travelers(invoice));
        assertThat(list).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.total").isEqualTo(2);
            assertThat(json).extractingPath("$.items[*].full_name").asArray().containsExactly("Ana Lucia Ferreira",
                    "Tiago Ferreira");
            assertThat(json).extractingPath("$.items[0].passport_number").isEqualTo("****5678");
            assertThat(json).extractingPath("$.items[0].passport_expiry").isEqualTo("2031-06-30");
            assertThat(json).extractingPath("$.items[1].passport_number").isNull();
        });
        assertThat(InvoicesApi.body(list)).doesNotContain("M12345678", "1988-04-12", "date_of_birth");
    }

    @Test
    void theFullRecordIsForConsultantsAndUpAndItsReadsAreAudited() {
        String invoice = api.draft(tenant, api.client(tenant, "full@example.com"), "100");
        String id = read(api.post(tenant, Role.CONSULTANT, travelers(invoice), ANA), "$.id");
        String path = travelers(invoice) + "/" + id;

        assertThat(api.get(tenant, Role.AGENT, path)).hasStatus(HttpStatus.FORBIDDEN);
        for (Role role : List.of(Role.CONSULTANT, Role.ADMIN, Role.OWNER)) {
            MvcTestResult full = api.get(tenant, role, path);
            assertThat(full).as(role.name()).hasStatusOk().hasHeader("Cache-Control", "no-store").bodyJson()
                    .satisfies(json -> {
                        assertThat(json).extractingPath("$.full_name").isEqualTo("Ana Lucia Ferreira");
                        assertThat(json).extractingPath("$.date_of_birth").isEqualTo("1988-04-12");
                        assertThat(json).extractingPath("$.passport_number").isEqualTo("M12345678");
                        assertThat(json).extractingPath("$.passport_expiry").isEqualTo("2031-06-30");
                        assertThat(json).extractingPath("$.invoice_id").isEqualTo(invoice);
                    });
        }
        List<Map<String, Object>> audit = jdbc.sql("""
                select action, resource_type, resource_id, status from pii_audit where tenant_id = ? and path = ?
                order by id""").params(tenant, path).query().listOfRows();
        assertThat(audit).hasSize(4).allSatisfy(row -> assertThat(row).containsEntry("action", "read")
                .containsEntry("resource_type", "invoice").containsEntry("resource_id", invoice));
        assertThat(audit).extracting(row -> row.get("status")).containsExactly(403, 200, 200, 200);

        assertThat(api.get(tenant, Role.ADMIN, travelers(invoice) + "/" + java.util.UUID.randomUUID()))
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/traveler-not-found");
        assertThat(api.get(tenant, Role.ADMIN, travelers(invoice) + "/nope")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void personalDataIsEncryptedAtRest() {
        String invoice = api.draft(tenant, api.client(tenant, "rest@example.com"), "100");
        String id = read(api.post(tenant, Role.CONSULTANT, travelers(invoice), ANA), "$.id");
        Map<String, Object> row = jdbc.sql("""
                select key_id, full_name, date_of_birth, passport_number, passport_expiry
                from invoice_travelers where id = ?::uuid""").param(id).query().singleRow();
        assertThat((String) row.get("key_id")).matches("[0-9a-f]{16}");
        for (String column : List.of("full_name", "date_of_birth", "passport_number", "passport_expiry")) {
            byte[] stored = (byte[]) row.get(column);
            // a 12-byte nonce, the ciphertext and a 16-byte tag
            assertThat(stored).as(column).hasSizeGreaterThan(28);
            String asText = new String(stored, StandardCharsets.ISO_8859_1);
            assertThat(asText).as(column).doesNotContain("Ana", "Ferreira", "1988", "M12345678", "5678", "2031");
        }
        String everything = jdbc.sql("select t::text from invoice_travelers t where id = ?::uuid").param(id)
                .query(String.class).single();
        assertThat(everything).doesNotContain("Ana", "Ferreira", "1988-04-12", "M12345678", "2031-06-30");
    }

    @Test
    void badTravellersNameTheirFields() {
        String invoice = api.draft(tenant, api.client(tenant, "bad-traveler@example.com"), "100");
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        assertThat(api.post(tenant, Role.CONSULTANT, travelers(invoice), """
                {"full_name": " ", "date_of_birth": "%s", "passport_number": "ab!", "passport_expiry": "1800-01-01"}"""
                .formatted(future))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field")
                .asArray().containsExactlyInAnyOrder("full_name", "date_of_birth", "passport_number",
                        "passport_expiry");
        assertThat(api.post(tenant, Role.CONSULTANT, travelers(invoice), "{\"full_name\": \"x\", \"dob\": \"1\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("dob");
        assertThat(api.post(tenant, Role.CONSULTANT, travelers(invoice), """
                {"full_name": "x", "date_of_birth": "12/04/1988"}""")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("date_of_birth");
        assertThat(jdbc.sql("select count(*) from invoice_travelers where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();
    }

    @Test
    void travellersAreRemovedOneByOneAndAVoidInvoiceTakesNoneMore() {
        String invoice = api.draft(tenant, api.client(tenant, "remove@example.com"), "100");
        String id = read(api.post(tenant, Role.CONSULTANT, travelers(invoice), ANA), "$.id");
        assertThat(api.delete(tenant, Role.AGENT, travelers(invoice) + "/" + id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.delete(tenant, Role.CONSULTANT, travelers(invoice) + "/" + id))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.delete(tenant, Role.CONSULTANT, travelers(invoice) + "/" + id))
                .hasStatus(HttpStatus.NOT_FOUND);

        api.issue(tenant, invoice);
        api.post(tenant, Role.ADMIN, INVOICES + "/" + invoice + "/void", "{\"reason\": \"Cancelled\"}");
        assertThat(api.post(tenant, Role.CONSULTANT, travelers(invoice), ANA)).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/invoice-void");
    }

    @Test
    void erasingTheClientErasesItsTravellersButKeepsTheFinancialRecords() {
        String client = api.client(tenant, "erase-me@example.com");
        String keptClient = api.client(tenant, "keep-me@example.com");
        String invoice = api.draft(tenant, client, "100");
        String traveler = read(api.post(tenant, Role.CONSULTANT, travelers(invoice), ANA), "$.id");
        api.issue(tenant, invoice);
        api.pay(tenant, invoice, "{\"amount\": 50, \"method\": \"eft\", \"reference\": \"deposit\"}");
        String other = api.draft(tenant, keptClient, "10");
        api.post(tenant, Role.CONSULTANT, travelers(other), "{\"full_name\": \"Kept Traveller\"}");

        MvcTestResult export = api.get(tenant, Role.ADMIN, "/api/v1/clients/" + client + "/export");
        assertThat(export).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.modules.invoicing.invoices[0].id").isEqualTo(invoice);
            assertThat(json).extractingPath("$.modules.invoicing.invoices[0].number").isEqualTo("INV-000001");
            assertThat(json).extractingPath("$.modules.invoicing.invoices[0].balance").isEqualTo(180.00);
            assertThat(json).extractingPath("$.modules.invoicing.travelers[0].full_name")
                    .isEqualTo("Ana Lucia Ferreira");
            assertThat(json).extractingPath("$.modules.invoicing.travelers[0].passport_number")
                    .isEqualTo("****5678");
        });
        assertThat(InvoicesApi.body(export)).doesNotContain("M12345678", "1988-04-12");

        assertThat(api.post(tenant, Role.ADMIN, "/api/v1/clients/" + client + "/erase")).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select erased_at is not null from invoice_travelers where id = ?::uuid").param(traveler)
                .query(Boolean.class).single());

        Map<String, Object> row = jdbc.sql("""
                select full_name, date_of_birth, passport_number, passport_expiry from invoice_travelers
                where id = ?::uuid""").param(traveler).query().singleRow();
        assertThat(row.values()).containsOnlyNulls();
        assertThat(api.get(tenant, Role.AGENT, travelers(invoice))).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items[0].full_name").isEqualTo("erased");
            assertThat(json).extractingPath("$.items[0].passport_number").isNull();
            assertThat(json).extractingPath("$.items[0].erased").isEqualTo(true);
        });
        assertThat(api.get(tenant, Role.ADMIN, travelers(invoice) + "/" + traveler)).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.full_name").isEqualTo("erased");
                    assertThat(json).extractingPath("$.date_of_birth").isNull();
                    assertThat(json).extractingPath("$.erased_at").isNotNull();
                });
        // the invoice, its lines and its payments stay
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + invoice)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.number").isEqualTo("INV-000001");
            assertThat(json).extractingPath("$.lines").asArray().hasSize(1);
            assertThat(json).extractingPath("$.total").isEqualTo(230.00);
            assertThat(json).extractingPath("$.amount_paid").isEqualTo(50.00);
            assertThat(json).extractingPath("$.status").isEqualTo("partially_paid");
        });
        assertThat(api.get(tenant, Role.AGENT, INVOICES + "/" + invoice + "/payments")).bodyJson()
                .extractingPath("$.items[0].reference").isEqualTo("deposit");
        // another client's travellers are untouched
        assertThat(api.get(tenant, Role.AGENT, travelers(other))).bodyJson().extractingPath("$.items[0].full_name")
                .isEqualTo("Kept Traveller");
    }

    @Test
    void mergingClientsMovesTheirInvoices() {
        String target = api.client(tenant, "merge-target@example.com");
        String source = api.client(tenant, "merge-source@example.com");
        String invoice = api.draft(tenant, source, "10");
        assertThat(api.post(tenant, Role.ADMIN, "/api/v1/clients/" + target + "/merge",
                "{\"source_id\": \"" + source + "\"}")).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> target.equals(jdbc.sql(
                "select client_id::text from invoices where id = ?::uuid").param(invoice).query(String.class)
                .single()));
        assertThat(ids(api.get(tenant, Role.AGENT, INVOICES + "?client_id=" + target))).containsExactly(invoice);
    }

    private static List<String> ids(MvcTestResult result) {
        return read(result, "$.items[*].id");
    }
}
