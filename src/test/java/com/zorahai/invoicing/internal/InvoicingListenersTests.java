package com.zorahai.invoicing.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zorahai.crm.ClientId;
import com.zorahai.quoting.QuoteAccepted;
import com.zorahai.quoting.QuoteId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoicingListenersTests {

    static InvoicingProperties properties(boolean autoDraft) {
        return new InvoicingProperties(14, "INV-", 6, autoDraft, 100,
                new InvoicingProperties.Reminders(true, "0 0 7 * * *", "UTC", List.of(14, 1, 7, 7)),
                new InvoicingProperties.DataKey(null, "unused", null));
    }

    final QuoteAccepted accepted = new QuoteAccepted(TenantId.of("listener-test"), QuoteId.of(UUID.randomUUID()),
            "Q-000001", 1, ClientId.random(), Instant.now());

    @Test
    void anAcceptedQuoteMakesADraftOnlyWhenThatIsConfigured() {
        InvoiceRecords records = mock(InvoiceRecords.class);
        new InvoicingListeners(records, mock(TravelerRecords.class), mock(InvoiceStore.class), properties(false))
                .on(accepted);
        verifyNoInteractions(records);

        new InvoicingListeners(records, mock(TravelerRecords.class), mock(InvoiceStore.class), properties(true))
                .on(accepted);
        verify(records).draftOnAcceptance(accepted);
    }

    @Test
    void theReminderScheduleIsSortedWithoutRepeats() {
        org.assertj.core.api.Assertions.assertThat(properties(true).reminders().days()).containsExactly(1, 7, 14);
    }
}
