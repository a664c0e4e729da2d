package com.zorahai.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events are stored as JSON and read back when they are redelivered after a crash.
 */
class ClientEventsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eventsSurviveTheRoundTripThroughJson() {
        TenantId tenant = TenantId.of("events-test");
        ClientId client = ClientId.random();
        ClientInteraction interaction = new ClientInteraction(tenant, client, "a@example.com", "+14152345678",
                "Ana", ActivityType.INVOICE_PAID, Instant.parse("2026-11-20T10:00:00Z"), "Invoice paid", "invoice",
                "INV-1", "invoice-paid:INV-1", Map.of("amount", "100.00", "currency", "ZAR"));
        for (Object event : new Object[]{interaction, new ClientCreated(tenant, client, ClientSource.WEB),
                new ClientsMerged(tenant, client, ClientId.random()), new ClientDeleted(tenant, client),
                new ClientErasureRequested(tenant, client)}) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void enumsHaveStableLowerCaseNames() {
        assertThat(ActivityType.find("Quote_Sent")).hasValue(ActivityType.QUOTE_SENT);
        assertThat(ActivityType.find("nope")).isEmpty();
        assertThat(ActivityType.find(null)).isEmpty();
        assertThat(ClientSource.find(" WhatsApp ")).hasValue(ClientSource.WHATSAPP);
        assertThat(ClientSource.find(null)).isEmpty();
        assertThat(ClientUpsert.byEmail("a@example.com", null, null).phones()).isEmpty();
    }
}
