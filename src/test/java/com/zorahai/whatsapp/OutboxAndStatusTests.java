package com.zorahai.whatsapp;

import static com.zorahai.whatsapp.MetaPayloads.failed;
import static com.zorahai.whatsapp.MetaPayloads.messages;
import static com.zorahai.whatsapp.MetaPayloads.status;
import static com.zorahai.whatsapp.MetaPayloads.statuses;
import static com.zorahai.whatsapp.MetaPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.internal.Conversations;
import com.zorahai.whatsapp.internal.WebhookInbox;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxAndStatusTests extends WhatsAppTestSupport {

    @Autowired
    Conversations conversations;

    @Autowired
    WebhookInbox inbox;

    /** A sandbox tenant whose customer just wrote; its conversation id. */
    private UUID customerWrote(String tenant, String from) {
        tenants.sandbox(tenant);
        assertOk(post("/webhook/whatsapp/" + tenant, messages("1", from, "Maya", text(wamid(), from, "Hi"))));
        return conversationOf(tenant, from);
    }

    @Test
    void aReplyGoesThroughTheOutboxToTheSandboxAndStatusesOnlyMoveForward() {
        String tenant = WhatsAppTenants.newId();
        String from = phone();
        UUID conversation = customerWrote(tenant, from);
        QueuedMessage queued = messages.sendText(TenantId.of(tenant), conversation, "We have Friday at 10:00.");
        assertThat(statusOf(queued.messageId())).isEqualTo("queued");

        drain();

        assertThat(statusOf(queued.messageId())).isEqualTo("sent");
        String providerId = providerId(queued.messageId());
        assertThat(providerId).startsWith("wamid.sandbox.");
        String recorded = jdbc.sql("select body::text from whatsapp_sandbox_messages where provider_message_id = :p")
                .param("p", providerId).query(String.class).single();
        assertThat(recorded).contains("\"to\": \"" + from + "\"").contains("We have Friday at 10:00.")
                .contains("\"messaging_product\": \"whatsapp\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.sent(queued.messageId()).size() == 1);

        // read arrives before delivered, then a late sent: the message stays read
        assertOk(post("/webhook/whatsapp/" + tenant, statuses("1", status(providerId, "read", from))));
        assertOk(post("/webhook/whatsapp/" + tenant, statuses("1", status(providerId, "delivered", from))));
        assertOk(post("/webhook/whatsapp/" + tenant, statuses("1", status(providerId, "sent", from))));
        assertThat(statusOf(queued.messageId())).isEqualTo("read");
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.statuses(queued.messageId()).size() == 1);
        assertThat(recorder.statuses(queued.messageId())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(DeliveryStatus.READ));
    }

    @Test
    void aFailedStatusKeepsTheProvidersErrorCodeAndTitle() {
        String tenant = WhatsAppTenants.newId();
        String from = phone();
        UUID conversation = customerWrote(tenant, from);
        QueuedMessage queued = messages.sendText(TenantId.of(tenant), conversation, "Reminder");
        drain();
        String providerId = providerId(queued.messageId());

        assertOk(post("/webhook/whatsapp/" + tenant, statuses("1", failed(providerId, from, 131026,
                "Message undeliverable"))));

        ChatMessage message = messages.recentMessages(TenantId.of(tenant), conversation, 10).getLast();
        assertThat(message.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(message.errorCode()).isEqualTo(131026);
        assertThat(message.errorTitle()).isEqualTo("Message undeliverable");
        await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.statuses(queued.messageId()).isEmpty());
        assertThat(recorder.statuses(queued.messageId()).getFirst().errorCode()).isEqualTo(131026);
    }

    @Test
    void aStatusThatArrivesBeforeTheSendIsRecordedIsAppliedOnceItIs() {
        String tenant = WhatsAppTenants.newId();
        String from = phone();
        UUID conversation = customerWrote(tenant, from);
        QueuedMessage queued = messages.sendText(TenantId.of(tenant), conversation, "Hello");
        String early = "wamid.early." + UUID.randomUUID();
        assertOk(post("/webhook/whatsapp/" + tenant, statuses("1", status(early, "delivered", from))));
        assertThat(statusOf(queued.messageId())).isEqualTo("queued");

        // what the worker does once the provider answered with that id
        conversations.markSent(queued.messageId(), "sandbox", early);
        inbox.replayStatuses(TenantId.of(tenant), early);

        assertThat(statusOf(queued.messageId())).isEqualTo("delivered");
    }

    @Test
    void outsideTheWindowFreeFormIsRefusedBeforeTheProviderAndATemplateGoes() {
        String tenant = WhatsAppTenants.newId();
        tenants.sandbox(tenant);
        TenantId id = TenantId.of(tenant);
        String to = "+" + phone();

        assertThat(messages.isWindowOpen(id, to)).isFalse();
        assertThatThrownBy(() -> messages.sendText(id, to, "Free text"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status().value()).isEqualTo(422);
                    assertThat(p.type()).isEqualTo(WhatsAppMessages.WINDOW_CLOSED);
                });
        QueuedMessage template = messages.sendTemplate(id, to, "appointment_reminder", "en_US",
                List.of("Maya", "Friday 10:00"));
        drain();
        assertThat(statusOf(template.messageId())).isEqualTo("sent");
        String body = jdbc.sql("select body::text from whatsapp_sandbox_messages where provider_message_id = :p")
                .param("p", providerId(template.messageId())).query(String.class).single();
        assertThat(body).contains("\"type\": \"template\"").contains("appointment_reminder")
                .contains("Friday 10:00");
        // a template opens nothing: free text is still refused
        assertThat(messages.isWindowOpen(id, to)).isFalse();
    }

    @Test
    void aMessageQueuedInsideTheWindowButSentAfterItClosedIsNotSent() {
        String tenant = WhatsAppTenants.newId();
        String from = phone();
        UUID conversation = customerWrote(tenant, from);
        QueuedMessage queued = messages.sendText(TenantId.of(tenant), conversation, "Late answer");
        jdbc.sql("update whatsapp_conversations set last_inbound_at = now() - interval '25 hours' where id = :id")
                .param("id", conversation).update();

        drain();

        assertThat(statusOf(queued.messageId())).isEqualTo("failed");
        assertThat(jdbc.sql("select count(*) from whatsapp_sandbox_messages where tenant_id = :t")
                .param("t", tenant).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select outcome from whatsapp_outbox_attempts a join whatsapp_outbox o"
                + " on o.id = a.outbox_id where o.message_id = :id").param("id", queued.messageId())
                .query(String.class).single()).isEqualTo("window");
        assertThat(messages.isWindowOpen(TenantId.of(tenant), conversation)).isFalse();
    }

    @Test
    void interactiveButtonsAndListsAreValidatedAndSent() {
        String tenant = WhatsAppTenants.newId();
        String from = phone();
        UUID conversation = customerWrote(tenant, from);
        TenantId id = TenantId.of(tenant);

        assertThatThrownBy(() -> messages.sendInteractive(id, conversation, OutboundContent.Interactive.buttons(
                "Pick one", List.of(new OutboundContent.Choice("a", "A"), new OutboundContent.Choice("b", "B"),
                        new OutboundContent.Choice("c", "C"), new OutboundContent.Choice("d", "D")))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status().value()).isEqualTo(400));
        QueuedMessage buttons = messages.sendInteractive(id, conversation, OutboundContent.Interactive.buttons(
                "When suits you?", List.of(new OutboundContent.Choice("fri-10", "Friday 10:00"),
                        new OutboundContent.Choice("sat-12", "Saturday 12:00"))));
        QueuedMessage list = messages.sendInteractive(id, conversation, OutboundContent.Interactive.list(
                "Which treatment?", "Treatments", List.of(new OutboundContent.Section("Laser", List.of(
                        new OutboundContent.Choice("legs", "Full legs", "45 min"),
                        new OutboundContent.Choice("face", "Face", "15 min"))))));
        drain();

        String sentButtons = jdbc.sql("select body::text from whatsapp_sandbox_messages where provider_message_id = :p")
                .param("p", providerId(buttons.messageId())).query(String.class).single();
        assertThat(sentButtons).contains("\"type\": \"button\"").contains("fri-10").contains("\"reply\"");
        String sentList = jdbc.sql("select body::text from whatsapp_sandbox_messages where provider_message_id = :p")
                .param("p", providerId(list.messageId())).query(String.class).single();
        assertThat(sentList).contains("\"type\": \"list\"").contains("\"sections\"").contains("45 min");
    }
}
