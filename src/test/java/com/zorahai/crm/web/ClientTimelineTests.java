package com.zorahai.crm.web;

import static com.zorahai.crm.web.ClientsApi.CLIENTS;
import static com.zorahai.crm.web.ClientsApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientInteraction;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ClientTimelineTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clients clients;

    ClientsApi api;
    String tenant;

    @BeforeEach
    void setUp() {
        api = new ClientsApi(mvc, tokens);
        tenant = ClientsApi.newTenant();
    }

    @Test
    void anInteractionEventLandsOnTheTimelineOnceEvenWhenDeliveredAgain() {
        String id = api.create(tenant, "{\"name\": \"Timeline\", \"emails\": [\"t@example.com\"]}");
        String sourceEvent = "quote-sent:" + UUID.randomUUID();
        ClientInteraction sent = new ClientInteraction(TenantId.of(tenant), ClientId.parse(id, "id"), null, null,
                null, ActivityType.QUOTE_SENT, Instant.parse("2026-11-20T10:00:00Z"), "Quote Q-1001 sent", "quote",
                "Q-1001", sourceEvent, Map.of("total", "1250.00", "currency", "ZAR"));
        publish(sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(sourceEvent) == 1);
        publish(sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(sourceEvent) == 0);
        assertThat(entries(sourceEvent)).isEqualTo(1);

        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "/" + id + "/activities")).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(1);
                    assertThat(json).extractingPath("$.items[0].type").isEqualTo("quote_sent");
                    assertThat(json).extractingPath("$.items[0].summary").isEqualTo("Quote Q-1001 sent");
                    assertThat(json).extractingPath("$.items[0].subject_type").isEqualTo("quote");
                    assertThat(json).extractingPath("$.items[0].subject_id").isEqualTo("Q-1001");
                    assertThat(json).extractingPath("$.items[0].occurred_at").isEqualTo("2026-11-20T10:00:00Z");
                    assertThat(json).extractingPath("$.items[0].properties.currency").isEqualTo("ZAR");
                });
    }

    @Test
    void anInteractionFromAnUnknownContactCreatesTheClient() {
        String sourceEvent = "email-in:" + UUID.randomUUID();
        publish(ClientInteraction.forContact(TenantId.of(tenant), "New.Person@Example.com", null, "New Person",
                ActivityType.EMAIL_IN, null, "Asked about Zanzibar", "email", "m-1", sourceEvent));
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(sourceEvent) == 1);
        assertThat(clients.findByEmail(TenantId.of(tenant), "new.person@example.com")).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("New Person");
            assertThat(c.source().value()).isEqualTo("email");
        });

        // a second message from the same address goes to the same client
        String second = "whatsapp:" + UUID.randomUUID();
        publish(ClientInteraction.forContact(TenantId.of(tenant), "new.person@example.com", "+14152345678", null,
                ActivityType.WHATSAPP, null, "Sent a photo", null, null, second));
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(second) == 1);
        assertThat(jdbc.sql("select count(*) from clients where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void anInteractionForAMergedClientGoesToItsTarget() {
        String target = api.create(tenant, "{\"name\": \"Target\"}");
        String source = api.create(tenant, "{\"name\": \"Source\"}");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + target + "/merge",
                "{\"source_id\": \"" + source + "\"}")).hasStatusOk();
        String sourceEvent = "call:" + UUID.randomUUID();
        publish(ClientInteraction.forClient(TenantId.of(tenant), ClientId.parse(source, "id"), ActivityType.CALL,
                null, "Missed call", "call", "c-1", sourceEvent));
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(sourceEvent) == 1);
        assertThat(jdbc.sql("select client_id::text from activities where tenant_id = ? and source_event_id = ?")
                .params(tenant, sourceEvent).query(String.class).single()).isEqualTo(target);
    }

    @Test
    void interactionsThatCannotBeRecordedAreDropped() {
        String deleted = api.create(tenant, "{\"name\": \"Deleted\"}");
        assertThat(api.delete(tenant, Role.ADMIN, CLIENTS + "/" + deleted)).hasStatus(HttpStatus.NO_CONTENT);
        String forDeleted = "x:" + UUID.randomUUID();
        String badEmail = "x:" + UUID.randomUUID();
        String noContact = "x:" + UUID.randomUUID();
        publish(ClientInteraction.forClient(TenantId.of(tenant), ClientId.parse(deleted, "id"), ActivityType.TICKET,
                null, "Ticket", null, null, forDeleted));
        publish(ClientInteraction.forContact(TenantId.of(tenant), "not-an-email", null, null, ActivityType.EMAIL_IN,
                null, "Mail", null, null, badEmail));
        publish(ClientInteraction.forContact(TenantId.of(tenant), null, " ", null, ActivityType.EMAIL_IN, null,
                "Mail", null, null, noContact));
        publish(ClientInteraction.forClient(TenantId.of(tenant), ClientId.parse(deleted, "id"), ActivityType.NOTE,
                null, "No id", null, null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(forDeleted) + pending(badEmail)
                + pending(noContact) == 0);
        assertThat(entries(forDeleted) + entries(badEmail) + entries(noContact)).isZero();
        assertThat(jdbc.sql("select count(*) from clients where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void notesAreAddedByHandAndTheTimelineIsNewestFirstInPages() {
        String id = api.create(tenant, "{\"name\": \"Notes\"}");
        String path = CLIENTS + "/" + id + "/activities";
        MvcTestResult note = api.post(tenant, Role.AGENT, path, """
                {"summary": "Old note", "occurred_at": "2026-01-01T08:00:00Z"}""");
        assertThat(note).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.type").isEqualTo("note");
            assertThat(json).extractingPath("$.client_id").isEqualTo(id);
            assertThat(json).extractingPath("$.created_by").isNotNull();
        });
        assertThat(api.post(tenant, Role.CONSULTANT, path, "{\"summary\": \"Called, no answer\", \"type\": \"call\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(api.post(tenant, Role.OWNER, path, "{\"summary\": \"Newest\"}")).hasStatus(HttpStatus.CREATED);

        MvcTestResult first = api.get(tenant, Role.AGENT, path + "?size=2");
        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(3);
        List<String> firstPage = read(first, "$.items[*].summary");
        assertThat(firstPage).containsExactly("Newest", "Called, no answer");
        List<String> secondPage = read(api.get(tenant, Role.AGENT, path + "?size=2&page=1"), "$.items[*].summary");
        assertThat(secondPage).containsExactly("Old note");

        assertThat(api.post(tenant, Role.AGENT, path, "{\"summary\": \" \"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("summary");
        assertThat(api.post(tenant, Role.AGENT, path, "{\"summary\": \"x\", \"type\": \"invoice_paid\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("type");
        assertThat(
                api.post(tenant, Role.AGENT, path, "{\"summary\": \"x\", \"occurred_at\": \"2999-01-01T00:00:00Z\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo(
                        "occurred_at");
        assertThat(api.post(tenant, Role.AGENT, path, "{\"summary\": \"x\", \"occurred_at\": \"yesterday\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo(
                        "occurred_at");
        assertThat(api.get(tenant, Role.AGENT, path + "?size=0")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "/" + UUID.randomUUID() + "/activities"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private void publish(ClientInteraction interaction) {
        transactions.executeWithoutResult(status -> events.publishEvent(interaction));
    }

    private long entries(String sourceEvent) {
        return jdbc.sql("select count(*) from activities where tenant_id = ? and source_event_id = ?")
                .params(tenant, sourceEvent).query(Long.class).single();
    }

    /** Publications of the event whose listener has not completed yet. */
    private long pending(String sourceEvent) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                + " and serialized_event like ?").param("%" + sourceEvent + "%").query(Long.class).single();
    }
}
