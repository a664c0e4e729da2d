package com.zorahai.crm.web;

import static com.zorahai.crm.web.ClientsApi.CLIENTS;
import static com.zorahai.crm.web.ClientsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.crm.ClientErasureRequested;
import com.zorahai.crm.ClientId;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@RecordApplicationEvents
class ClientPrivacyTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    ClientsApi api;
    String tenant;

    @BeforeEach
    void setUp() {
        api = new ClientsApi(mvc, tokens);
        tenant = ClientsApi.newTenant();
    }

    @Test
    void exportHoldsEverythingKeptAboutTheClient() {
        String id = api.create(tenant, """
                {"name": "Export Me", "emails": ["export@example.com"], "phones": ["+14152345678"],
                 "address": {"city": "Knysna"}, "notes": "likes boats", "consent": {"marketing_email": true}}""");
        String old = api.create(tenant, "{\"name\": \"Old Record\", \"emails\": [\"old@example.com\"]}");
        api.post(tenant, Role.AGENT, CLIENTS + "/" + old + "/activities", "{\"summary\": \"First contact\"}");
        api.post(tenant, Role.AGENT, CLIENTS + "/" + id + "/merge", "{\"source_id\": \"" + old + "\"}");
        api.post(tenant, Role.AGENT, CLIENTS + "/" + id + "/activities", "{\"summary\": \"Second contact\"}");

        MvcTestResult export = api.get(tenant, Role.ADMIN, CLIENTS + "/" + id + "/export");
        assertThat(export).hasStatusOk().hasHeader("Cache-Control", "no-store");
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains("client-" + id + ".json");
        assertThat(export).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.exported_at").isNotNull();
            assertThat(json).extractingPath("$.tenant_id").isEqualTo(tenant);
            assertThat(json).extractingPath("$.client.id").isEqualTo(id);
            assertThat(json).extractingPath("$.client.name").isEqualTo("Export Me");
            assertThat(json).extractingPath("$.client.address.city").isEqualTo("Knysna");
            assertThat(json).extractingPath("$.client.notes").isEqualTo("likes boats");
            assertThat(json).extractingPath("$.client.consent.marketing_email.granted").isEqualTo(true);
            assertThat(json).extractingPath("$.merged_clients[0].id").isEqualTo(old);
            assertThat(json).extractingPath("$.merged_clients[0].name").isEqualTo("Old Record");
            assertThat(json).extractingPath("$.lookup.emails[*].value").asArray()
                    .containsExactlyInAnyOrder("export@example.com", "old@example.com");
            assertThat(json).extractingPath("$.lookup.phones[0].value").isEqualTo("+14152345678");
            assertThat(json).extractingPath("$.lookup.phones[0].created_at").isNotNull();
            assertThat(json).extractingPath("$.activities[*].summary").asArray()
                    .containsExactly("First contact", "Second contact");
            // other modules hold nothing about this client: their sections are empty
            assertThat(json).extractingPath("$.modules").asMap().allSatisfy((module, data) -> assertThat(data)
                    .satisfiesAnyOf(d -> assertThat(d).isNull(), d -> assertThat(d).asList().isEmpty(),
                            d -> assertThat(d).asInstanceOf(InstanceOfAssertFactories.MAP).allSatisfy(
                                    (key, value) -> assertThat(value).asList().isEmpty())));
            assertThat(json).extractingPath("$.modules.invoicing.invoices").asArray().isEmpty();
        });
        assertThat(api.get(tenant, Role.OWNER, CLIENTS + "/" + id + "/export")).hasStatusOk();
        assertThat(api.get(tenant, Role.CONSULTANT, CLIENTS + "/" + id + "/export")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "/" + id + "/export")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void eraseRemovesThePersonalDataKeepsTheRecordAndTellsOtherModules() {
        String id = api.create(tenant, """
                {"name": "Erase Me", "emails": ["erase@example.com"], "phones": ["+14152345678"], "tags": ["vip"],
                 "address": {"line1": "2 Long St"}, "notes": "allergic to nuts", "source": "whatsapp",
                 "consent": {"marketing_whatsapp": true},
                 "assigned_consultant": "5b1c9a1e-0d4f-4a55-9a55-0a4b2b7f6c11"}""");
        String merged = api.create(tenant, "{\"name\": \"Erase Me Too\", \"emails\": [\"me-too@example.com\"]}");
        api.post(tenant, Role.AGENT, CLIENTS + "/" + id + "/merge", "{\"source_id\": \"" + merged + "\"}");
        api.post(tenant, Role.AGENT, CLIENTS + "/" + id + "/activities", "{\"summary\": \"Erase me said hi\"}");

        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + id + "/erase")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(tenant, Role.CONSULTANT, CLIENTS + "/" + id + "/erase")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(events.stream(ClientErasureRequested.class)).isEmpty();

        MvcTestResult erased = api.post(tenant, Role.ADMIN, CLIENTS + "/" + id + "/erase");
        assertThat(erased).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.id").isEqualTo(id);
            assertThat(json).extractingPath("$.status").isEqualTo("erased");
            assertThat(json).extractingPath("$.name").isEqualTo("Erased client");
            assertThat(json).extractingPath("$.emails").asArray().isEmpty();
            assertThat(json).extractingPath("$.phones").asArray().isEmpty();
            assertThat(json).extractingPath("$.tags").asArray().isEmpty();
            assertThat(json).extractingPath("$.address").isNull();
            assertThat(json).extractingPath("$.notes").isNull();
            assertThat(json).extractingPath("$.consent.marketing_whatsapp.granted").isEqualTo(false);
            assertThat(json).extractingPath("$.source").isEqualTo("whatsapp");
            assertThat(json).extractingPath("$.assigned_consultant").isEqualTo(
                    "5b1c9a1e-0d4f-4a55-9a55-0a4b2b7f6c11");
            assertThat(json).extractingPath("$.erased_at").isNotNull();
        });
        String erasedAt = read(erased, "$.erased_at");
        assertThat(events.stream(ClientErasureRequested.class)).containsExactlyInAnyOrder(
                new ClientErasureRequested(TenantId.of(tenant), ClientId.parse(id, "id")),
                new ClientErasureRequested(TenantId.of(tenant), ClientId.parse(merged, "id")));

        // nothing personal is left in any crm table
        assertThat(jdbc.sql("select count(*) from client_emails where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from client_phones where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();
        String everything = String.join("\n", jdbc.sql("select c::text from clients c where tenant_id = ?")
                .param(tenant).query(String.class).list()) + String.join("\n",
                        jdbc.sql("select a::text from activities a where tenant_id = ?").param(tenant)
                                .query(String.class).list());
        assertThat(everything).doesNotContain("Erase Me", "erase@example.com", "me-too@example.com", "14152345678",
                "vip", "Long St", "nuts", "said hi");
        assertThat(jdbc.sql("select count(*) from activities where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(api.read(tenant, merged).<String>at("$.status")).isEqualTo("erased");

        // erasing again changes nothing and tells nobody again
        assertThat(api.post(tenant, Role.OWNER, CLIENTS + "/" + id + "/erase")).hasStatusOk().bodyJson()
                .extractingPath("$.erased_at").isEqualTo(erasedAt);
        assertThat(events.stream(ClientErasureRequested.class)).hasSize(2);

        // the record stays, but can no longer change or be found
        assertThat(api.read(tenant, id).<String>at("$.status")).isEqualTo("erased");
        assertThat(api.patch(tenant, Role.ADMIN, CLIENTS + "/" + id, "{\"name\": \"Back\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type").isEqualTo(
                        "https://zorahai.com/problems/client-erased");
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "?q=erase")).bodyJson().extractingPath("$.total")
                .isEqualTo(0);
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + ":upsert", "{\"emails\": [\"erase@example.com\"]}"))
                .hasStatus(HttpStatus.CREATED);
        List<String> exported = read(api.get(tenant, Role.ADMIN, CLIENTS + "/" + id + "/export"),
                "$.activities[*].summary");
        assertThat(exported).containsOnlyNulls();
    }

    @Test
    void aDeletedClientCanStillBeExportedAndErased() {
        String id = api.create(tenant, "{\"name\": \"Deleted Then Erased\", \"emails\": [\"d@example.com\"]}");
        assertThat(api.delete(tenant, Role.ADMIN, CLIENTS + "/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(tenant, Role.ADMIN, CLIENTS + "/" + id + "/export")).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.client.status").isEqualTo("deleted");
                    assertThat(json).extractingPath("$.client.emails").asArray().containsExactly("d@example.com");
                    assertThat(json).extractingPath("$.lookup.emails").asArray().isEmpty();
                });
        assertThat(api.post(tenant, Role.ADMIN, CLIENTS + "/" + id + "/erase")).hasStatusOk().bodyJson()
                .extractingPath("$.emails").asArray().isEmpty();
        assertThat(api.post(tenant, Role.ADMIN, CLIENTS + "/" + java.util.UUID.randomUUID() + "/erase"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
