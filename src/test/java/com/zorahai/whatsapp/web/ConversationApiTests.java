package com.zorahai.whatsapp.web;

import static com.zorahai.whatsapp.MetaPayloads.messages;
import static com.zorahai.whatsapp.MetaPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.TenantIsolation;
import com.zorahai.identity.Role;
import com.zorahai.whatsapp.WhatsAppConversationHandedOver;
import com.zorahai.whatsapp.WhatsAppConversationResumed;
import com.zorahai.whatsapp.WhatsAppTenants;
import com.zorahai.whatsapp.WhatsAppTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ConversationApiTests extends WhatsAppTestSupport {

    private UUID customerWrote(String tenant, String from, String body) {
        assertOk(post("/webhook/whatsapp/" + tenant, messages("1", from, "Nour", text(wamid(), from, body))));
        return conversationOf(tenant, from);
    }

    @Test
    void staffListReadAndReplyToConversations() {
        String tenant = WhatsAppTenants.newId();
        tenants.sandbox(tenant);
        String auth = tokens.bearer(tenant, Role.AGENT);
        String from = phone();
        UUID id = customerWrote(tenant, from, "Is the clinic open on Sunday?");
        customerWrote(tenant, phone(), "Second customer");

        assertThat(mvc.get().uri("/api/v1/whatsapp/conversations?unread=true").header("Authorization", auth))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(2);
                    assertThat(json).extractingPath("$.items[0].window_open").isEqualTo(true);
                    assertThat(json).extractingPath("$.items[0].unread_count").isEqualTo(1);
                });
        assertThat(mvc.get().uri("/api/v1/whatsapp/conversations/{id}/messages", id).header("Authorization", auth))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.items[0].message.text")
                            .isEqualTo("Is the clinic open on Sunday?");
                    assertThat(json).extractingPath("$.items[0].direction").isEqualTo("inbound");
                    assertThat(json).extractingPath("$.items[0].message.type").isEqualTo("TEXT");
                });

        assertThat(mvc.post().uri("/api/v1/whatsapp/conversations/{id}/messages", id).header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Yes, from 10 to 4.\"}"))
                .hasStatus(202).bodyJson().extractingPath("$.conversation_id").isEqualTo(id.toString());
        drain();
        assertThat(mvc.get().uri("/api/v1/whatsapp/conversations/{id}/messages", id).header("Authorization", auth))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.items[0].direction").isEqualTo("outbound");
                    assertThat(json).extractingPath("$.items[0].status").isEqualTo("SENT");
                });

        assertThat(mvc.post().uri("/api/v1/whatsapp/conversations/{id}/read", id).header("Authorization", auth))
                .hasStatusOk().bodyJson().extractingPath("$.unread_count").isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/whatsapp/conversations?unread=true").header("Authorization", auth))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);

        String admin = tokens.bearer(tenant, Role.ADMIN);
        assertThat(mvc.get().uri("/api/v1/whatsapp/sandbox/messages").header("Authorization", admin))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.items[0].recipient").isEqualTo(from);
                    assertThat(json).extractingPath("$.items[0].type").isEqualTo("text");
                });
        assertThat(mvc.get().uri("/api/v1/whatsapp/sandbox/messages").header("Authorization", auth)).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/whatsapp/channel").header("Authorization", admin)).hasStatusOk()
                .bodyJson().extractingPath("$.provider").isEqualTo("sandbox");
    }

    @Test
    void aHandoffPausesTheBotUntilStaffResumeIt() {
        String tenant = WhatsAppTenants.newId();
        tenants.sandbox(tenant);
        String auth = tokens.bearer(tenant, Role.CONSULTANT);
        UUID id = customerWrote(tenant, phone(), "I want to speak to a person");

        assertThat(mvc.post().uri("/api/v1/whatsapp/conversations/{id}/handoff", id).header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"asked for a person\"}"))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.bot_paused").isEqualTo(true);
                    assertThat(json).extractingPath("$.needs_human").isEqualTo(true);
                });
        assertThat(mvc.get().uri("/api/v1/whatsapp/conversations?needs_human=true").header("Authorization", auth))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
        String from = jdbc.sql("select contact_key from whatsapp_conversations where id = :id").param("id", id)
                .query(String.class).single();
        customerWrote(tenant, from, "Hello?");
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received(tenant).size() == 2);
        assertThat(recorder.received(tenant).stream().filter(e -> e.message().text().equals("Hello?")).findFirst()
                .orElseThrow().botPaused()).isTrue();

        assertThat(mvc.post().uri("/api/v1/whatsapp/conversations/{id}/resume", id).header("Authorization", auth))
                .hasStatusOk().bodyJson().extractingPath("$.bot_paused").isEqualTo(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.about(id).size() == 2);
        assertThat(recorder.about(id)).hasExactlyElementsOfTypes(WhatsAppConversationHandedOver.class,
                WhatsAppConversationResumed.class);
    }

    @Test
    void badInputNamesTheField() {
        String tenant = WhatsAppTenants.newId();
        tenants.sandbox(tenant);
        String auth = tokens.bearer(tenant, Role.ADMIN);
        UUID id = customerWrote(tenant, phone(), "hi");
        assertThat(mvc.get().uri("/api/v1/whatsapp/conversations?size=0").header("Authorization", auth))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/whatsapp/conversations?from=yesterday").header("Authorization", auth))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(mvc.post().uri("/api/v1/whatsapp/conversations/{id}/messages", id).header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("text");
        assertThat(mvc.post().uri("/api/v1/whatsapp/templates/send").header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"not a phone\",\"template_name\":\"hello_world\",\"language\":\"en_US\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
        assertThat(mvc.get().uri("/api/v1/whatsapp/conversations/not-a-uuid").header("Authorization", auth))
                .hasStatus(404);
    }

    @Test
    void templatesAreListedAndSentToANewContact() {
        String tenant = WhatsAppTenants.newId();
        tenants.sandbox(tenant);
        String auth = tokens.bearer(tenant, Role.OWNER);
        assertThat(mvc.get().uri("/api/v1/whatsapp/templates").header("Authorization", auth)).hasStatusOk()
                .bodyJson().extractingPath("$.templates[0].name").isEqualTo("hello_world");
        String to = phone();
        assertThat(mvc.post().uri("/api/v1/whatsapp/templates/send").header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"+" + to + "\",\"template_name\":\"hello_world\",\"language\":\"en_US\","
                        + "\"parameters\":[\"Nour\"]}"))
                .hasStatus(202);
        assertThat(mvc.post().uri("/api/v1/whatsapp/conversations/{id}/messages", conversationOf(tenant, to))
                .header("Authorization", auth).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}"))
                .hasStatus(422).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/whatsapp-window-closed");
    }

    @Test
    void anotherTenantCannotSeeAConversation() {
        String owner = WhatsAppTenants.newId();
        String other = WhatsAppTenants.newId();
        tenants.sandbox(owner);
        tenants.sandbox(other);
        UUID id = customerWrote(owner, phone(), "private");
        TenantIsolation.of(mvc, tokens).record("/api/v1/whatsapp/conversations/{id}", id).ownedBy(owner)
                .withoutUpdate().withoutDelete().assertInvisibleTo(other);
        TenantIsolation.of(mvc, tokens).record("/api/v1/whatsapp/conversations/{id}/messages", id).ownedBy(owner)
                .withoutUpdate().withoutDelete().assertInvisibleTo(other);
        String foreign = tokens.bearer(other, Role.ADMIN);
        assertThat(mvc.post().uri("/api/v1/whatsapp/conversations/{id}/handoff", id).header("Authorization", foreign))
                .hasStatus(404);
        assertThat(mvc.post().uri("/api/v1/whatsapp/conversations/{id}/messages", id).header("Authorization", foreign)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}")).hasStatus(404);
    }
}
