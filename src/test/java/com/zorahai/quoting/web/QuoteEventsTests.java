package com.zorahai.quoting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.identity.Role;
import com.zorahai.quoting.QuoteCreated;
import com.zorahai.quoting.QuoteId;
import com.zorahai.quoting.QuoteSent;
import com.zorahai.quoting.QuotingTestSupport;
import com.zorahai.tenancy.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Creating and sending a quote announce themselves, with the quote's total, once per creation and once per send.
 */
@RecordApplicationEvents
class QuoteEventsTests extends QuotingTestSupport {

    @Autowired
    ApplicationEvents events;

    @Test
    void creatingPublishesQuoteCreatedAndEachSendPublishesQuoteSent() {
        String id = draft();

        assertThat(events.stream(QuoteCreated.class)).singleElement().satisfies(created -> {
            assertThat(created.tenantId()).isEqualTo(TenantId.of(tenant));
            assertThat(created.quoteId()).isEqualTo(QuoteId.of(UUID.fromString(id)));
            assertThat(created.number()).startsWith("Q-");
            assertThat(created.clientId()).isNotNull();
            assertThat(created.total().currency().getCurrencyCode()).isEqualTo("ZAR");
            assertThat(created.total().amount()).isEqualByComparingTo("1200.00");
            assertThat(created.createdAt()).isNotNull();
        });
        assertThat(events.stream(QuoteSent.class)).isEmpty();

        for (int i = 0; i < 2; i++) {
            assertThat(mvc.post().uri(QUOTES + "/" + id + "/send").header("Authorization", auth(Role.CONSULTANT)))
                    .hasStatusOk();
        }

        assertThat(events.stream(QuoteSent.class)).hasSize(2).allSatisfy(sent -> {
            assertThat(sent.quoteId()).isEqualTo(QuoteId.of(UUID.fromString(id)));
            assertThat(sent.total().amount()).isEqualByComparingTo("1200.00");
            assertThat(sent.sentAt()).isNotNull();
        });
    }
}
