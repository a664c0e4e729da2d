package com.zorahai.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppMessage;
import com.zorahai.whatsapp.WhatsAppTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** TESTING_MODE keeps message contents out of the store; ids, window and statuses still work. */
class TestingModeTests extends WhatsAppTestSupport {

    static WhatsAppProperties testingMode() {
        return new WhatsAppProperties("", "", DataSize.ofMegabytes(3), Duration.ofHours(24), true, "postgres", true,
                "whatsapp-media", 6, Duration.ofSeconds(30), new WhatsAppProperties.Retry(Duration.ofSeconds(10), 2.0,
                        Duration.ofMinutes(15)),
                new WhatsAppProperties.Worker(false, Duration.ofSeconds(1), 20,
                        Duration.ofMinutes(2), 10),
                100);
    }

    @Test
    void messageContentsAreNotKeptButDedupeAndTheWindowStillWork() {
        Conversations store = new Conversations(jdbc, testingMode());
        TenantId tenant = TenantId.of("tm-" + UUID.randomUUID().toString().substring(0, 8));
        String from = phone();
        UUID conversation = store.upsert(tenant, new WhatsAppContact(from, from, null, "Tester"), "1", null);
        WhatsAppMessage message = new WhatsAppMessage(MessageType.TEXT, "private words", null, null, null, null, null,
                wamid(), Instant.now());

        Optional<UUID> first = store.insertInbound(tenant, conversation, "sandbox", message, null);
        Optional<UUID> again = store.insertInbound(tenant, conversation, "sandbox", message, null);
        store.touchInbound(conversation, message.timestamp(), null);
        UUID outbound = store.insertOutbound(tenant, conversation, "sandbox", MessageType.TEXT, "reply text", null,
                "bot");

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(jdbc.sql("select count(*) from whatsapp_messages where tenant_id = :t and (text is not null"
                + " or content is not null)").param("t", tenant.value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select content_kept from whatsapp_messages where id = :id").param("id", outbound)
                .query(Boolean.class).single()).isFalse();
        assertThat(store.find(tenant, conversation)).hasValueSatisfying(c -> assertThat(c.windowOpen()).isTrue());
        assertThat(store.recent(tenant, conversation, 5)).hasSize(2)
                .allSatisfy(m -> assertThat(m.message().text()).isNull());
    }
}
