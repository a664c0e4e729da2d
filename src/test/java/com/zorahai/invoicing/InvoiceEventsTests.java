package com.zorahai.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.QuoteId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events are stored as JSON and read back when they are redelivered after a crash.
 */
class InvoiceEventsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eventsSurviveTheRoundTripThroughJson() {
        TenantId tenant = TenantId.of("events-test");
        InvoiceId invoice = InvoiceId.random();
        ClientId client = ClientId.random();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        for (Object event : new Object[]{
                new InvoiceIssued(tenant, invoice, "INV-000001", client, QuoteId.of(UUID.randomUUID()),
                        Money.of("115.00", "ZAR"), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 7), at),
                new InvoiceIssued(tenant, invoice, "INV-000001", client, null, Money.of("1", "JPY"),
                        LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23), at),
                new InvoicePaid(tenant, invoice, "INV-000001", client, Money.of("115.00", "ZAR"), at),
                new InvoiceVoided(tenant, invoice, "INV-000001", client, at)}) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void invoiceIdsParseOrNameTheField() {
        UUID value = UUID.randomUUID();
        assertThat(InvoiceId.parse(" " + value + " ", "id")).isEqualTo(InvoiceId.of(value));
        assertThat(InvoiceId.of(value)).hasToString(value.toString());
        assertThatThrownBy(() -> InvoiceId.parse("INV-1", "invoice_id")).isInstanceOf(ProblemException.class)
                .hasMessage("invoice_id: must be a UUID");
        assertThatThrownBy(() -> InvoiceId.parse(null, "id")).isInstanceOf(ProblemException.class);
    }
}
