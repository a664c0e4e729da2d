package com.zorahai.crm.web;

import static com.zorahai.crm.web.ClientsApi.CLIENTS;
import static com.zorahai.crm.web.ClientsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.crm.ClientCreated;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.crm.ClientsMerged;
import com.zorahai.crm.UpsertResult;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
class ClientUpsertAndMergeTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Clients clients;

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
    void upsertCreatesOnceThenAddsToTheSameClient() {
        MvcTestResult created = api.post(tenant, Role.AGENT, CLIENTS + ":upsert", """
                {"name": "Up Sert", "emails": ["up@example.com"], "source": "email"}""");
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.created").isEqualTo(true);
        String id = read(created, "$.client.id");
        assertThat(created.getResponse().getHeader("Location")).endsWith(CLIENTS + "/" + id);
        assertThat(events.stream(ClientCreated.class))
                .anySatisfy(e -> assertThat(e.clientId()).isEqualTo(ClientId.of(UUID.fromString(id))));

        MvcTestResult again = api.post(tenant, Role.AGENT, CLIENTS + ":upsert", """
                {"name": "Someone Else", "emails": ["UP@example.com", "up2@example.com"],
                 "phones": ["+1 415 234 5678"], "tags": ["lead"], "notes": "from the web form"}""");
        assertThat(again).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.created").isEqualTo(false);
            assertThat(json).extractingPath("$.client.id").isEqualTo(id);
            assertThat(json).extractingPath("$.client.name").isEqualTo("Up Sert");
            assertThat(json).extractingPath("$.client.emails").asArray()
                    .containsExactly("up@example.com", "up2@example.com");
            assertThat(json).extractingPath("$.client.phones").asArray().containsExactly("+14152345678");
            assertThat(json).extractingPath("$.client.tags").asArray().containsExactly("lead");
            assertThat(json).extractingPath("$.client.notes").isEqualTo("from the web form");
            assertThat(json).extractingPath("$.client.source").isEqualTo("email");
        });

        // found by the phone alone, in national format
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + ":upsert", """
                {"phones": ["(415) 234-5678"], "tags": ["whatsapp"]}""")).hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.client.id").isEqualTo(id);
                    assertThat(json).extractingPath("$.client.tags").asArray().containsExactly("lead", "whatsapp");
                });
        assertThat(jdbc.sql("select count(*) from clients where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void upsertPrefersTheEmailMatchAndLeavesOtherClientsContactsAlone() {
        String byEmail = api.create(tenant, """
                {"name": "By Email", "emails": ["a@example.com"]}""");
        String byPhone = api.create(tenant, """
                {"name": "By Phone", "phones": ["+14152345678"]}""");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + ":upsert", """
                {"emails": ["a@example.com"], "phones": ["+14152345678"]}""")).hasStatusOk()
                .bodyJson().extractingPath("$.client.id").isEqualTo(byEmail);
        assertThat(api.read(tenant, byEmail).<List<String>>at("$.phones")).isEmpty();
        assertThat(api.read(tenant, byPhone).<List<String>>at("$.phones")).containsExactly("+14152345678");
    }

    @Test
    void upsertNamesAClientAfterItsContactUntilANameArrives() {
        UpsertResult first = clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone("+14152345678", null,
                ClientSource.WHATSAPP));
        assertThat(first.created()).isTrue();
        assertThat(clients.find(TenantId.of(tenant), first.clientId())).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("+14152345678");
            assertThat(c.source()).isEqualTo(ClientSource.WHATSAPP);
        });
        clients.upsert(TenantId.of(tenant), ClientUpsert.byPhone("+1 415 234 5678", "Wanda", ClientSource.WHATSAPP));
        assertThat(clients.findByPhone(TenantId.of(tenant), "(415) 234-5678")).hasValueSatisfying(
                c -> assertThat(c.name()).isEqualTo("Wanda"));
        assertThat(clients.findByEmail(TenantId.of(tenant), "nobody@example.com")).isEmpty();
        UpsertResult blank = clients.upsert(TenantId.of(tenant), ClientUpsert.byEmail("blank@example.com", " ",
                ClientSource.WEB));
        assertThat(clients.find(TenantId.of(tenant), blank.clientId()).orElseThrow().name()).isEqualTo(
                "blank@example.com");
        UpsertResult longName = clients.upsert(TenantId.of(tenant), ClientUpsert.byEmail("long@example.com",
                "x".repeat(300), ClientSource.WEB));
        assertThat(clients.findByEmail(TenantId.of(tenant), "LONG@example.com").orElseThrow().name()).hasSize(200)
                .isEqualTo(clients.find(TenantId.of(tenant), longName.clientId()).orElseThrow().name());
        assertThat(clients.findByPhone(TenantId.of(tenant), "not a phone")).isEmpty();
    }

    @Test
    void upsertNeedsAnEmailOrPhone() {
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + ":upsert", "{\"name\": \"Nobody\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("emails");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + ":upsert", "{\"phones\": [\"0\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo(
                        "phones[0]");
    }

    @Test
    void concurrentUpsertsOfOneEmailGiveOneClient() throws Exception {
        TenantId tenantId = TenantId.of(tenant);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<UpsertResult>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            boolean withPhone = i % 2 == 0;
            calls.add(() -> {
                start.await();
                return clients.upsert(tenantId, new ClientUpsert("Racer", List.of("Race@Example.com"),
                        withPhone ? List.of("+14152345678") : List.of(), List.of(), ClientSource.EMAIL));
            });
        }
        List<UpsertResult> results = runTogether(calls, start);
        assertThat(results).extracting(UpsertResult::clientId).containsOnly(results.get(0).clientId());
        assertThat(results).filteredOn(UpsertResult::created).hasSize(1);
        assertThat(jdbc.sql("select count(*) from clients where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(clients.findByPhone(tenantId, "+14152345678")).hasValueSatisfying(
                c -> assertThat(c.id()).isEqualTo(results.get(0).clientId()));
    }

    @Test
    void concurrentUpsertRequestsGiveOneClient() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<MvcTestResult>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> {
                start.await();
                return api.post(tenant, Role.AGENT, CLIENTS + ":upsert", """
                        {"phones": ["+27 82 123 4567"], "source": "whatsapp"}""");
            });
        }
        List<MvcTestResult> results = runTogether(calls, start);
        assertThat(results).extracting(r -> r.getResponse().getStatus()).containsOnly(200, 201)
                .filteredOn(status -> status == 201).hasSize(1);
        String id = read(results.get(0), "$.client.id");
        assertThat(results).extracting(r -> (String) read(r, "$.client.id")).containsOnly(id);
    }

    @Test
    void mergeMovesEverythingIntoTheTarget() {
        String target = api.create(tenant, """
                {"name": "Target", "emails": ["t@example.com"], "tags": ["a"], "notes": "target notes"}""");
        String source = api.create(tenant, """
                {"name": "Source", "emails": ["s@example.com"], "phones": ["+14152345678"], "tags": ["b"],
                 "notes": "source notes", "address": {"city": "Paarl"},
                 "consent": {"marketing_whatsapp": true}}""");
        api.post(tenant, Role.AGENT, CLIENTS + "/" + source + "/activities", "{\"summary\": \"Met at the fair\"}");
        api.post(tenant, Role.AGENT, CLIENTS + "/" + target + "/activities", "{\"summary\": \"Called back\"}");

        MvcTestResult merged = api.post(tenant, Role.CONSULTANT, CLIENTS + "/" + target + "/merge",
                "{\"source_id\": \"" + source + "\"}");
        assertThat(merged).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.id").isEqualTo(target);
            assertThat(json).extractingPath("$.name").isEqualTo("Target");
            assertThat(json).extractingPath("$.emails").asArray().containsExactly("t@example.com", "s@example.com");
            assertThat(json).extractingPath("$.phones").asArray().containsExactly("+14152345678");
            assertThat(json).extractingPath("$.tags").asArray().containsExactly("a", "b");
            assertThat(json).extractingPath("$.notes").isEqualTo("target notes\n\nsource notes");
            assertThat(json).extractingPath("$.address.city").isEqualTo("Paarl");
            assertThat(json).extractingPath("$.consent.marketing_whatsapp.granted").isEqualTo(true);
        });
        assertThat(events.stream(ClientsMerged.class)).containsExactly(new ClientsMerged(TenantId.of(tenant),
                ClientId.parse(target, "id"), ClientId.parse(source, "id")));

        ClientsApi.ClientRead sourceNow = api.read(tenant, source);
        assertThat(sourceNow.<String>at("$.status")).isEqualTo("merged");
        assertThat(sourceNow.<String>at("$.merged_into")).isEqualTo(target);
        assertThat(sourceNow.<List<String>>at("$.emails")).isEmpty();
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "/" + target + "/activities")).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].summary").asArray().containsExactlyInAnyOrder("Met at the fair",
                        "Called back");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + ":upsert", "{\"emails\": [\"s@example.com\"]}"))
                .hasStatusOk().bodyJson().extractingPath("$.client.id").isEqualTo(target);
        assertThat(ids(api.get(tenant, Role.AGENT, CLIENTS + "?q=source"))).isEmpty();

        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + target + "/merge",
                "{\"source_id\": \"" + source + "\"}")).hasStatus(HttpStatus.CONFLICT).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/client-merged");
        assertThat(api.patch(tenant, Role.AGENT, CLIENTS + "/" + source, "{\"name\": \"x\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.merged_into").isEqualTo(target);
        assertThat(api.delete(tenant, Role.ADMIN, CLIENTS + "/" + source)).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + source + "/activities", "{\"summary\": \"x\"}"))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void mergeChecksItsSource() {
        String target = api.create(tenant, "{\"name\": \"Alone\"}");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + target + "/merge",
                "{\"source_id\": \"" + target + "\"}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("source_id");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + target + "/merge", "{\"source_id\": \"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo(
                        "source_id");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + target + "/merge",
                "{\"source_id\": \"" + UUID.randomUUID() + "\"}")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMergeChainPointsAtTheLastTarget() {
        String a = api.create(tenant, "{\"name\": \"A\", \"emails\": [\"a@example.com\"]}");
        String b = api.create(tenant, "{\"name\": \"B\", \"emails\": [\"b@example.com\"]}");
        String c = api.create(tenant, "{\"name\": \"C\", \"emails\": [\"c@example.com\"]}");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + b + "/merge", "{\"source_id\": \"" + a + "\"}"))
                .hasStatusOk();
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + c + "/merge", "{\"source_id\": \"" + b + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.emails").asArray()
                .containsExactly("c@example.com", "b@example.com", "a@example.com");
        assertThat(api.read(tenant, a).<String>at("$.merged_into")).isEqualTo(c);
    }

    private static <T> List<T> runTogether(List<Callable<T>> calls, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            calls.forEach(call -> futures.add(pool.submit(call)));
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> ids(MvcTestResult result) {
        return read(result, "$.items[*].id");
    }
}
