package com.zorahai.quoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuoteDocumentModelTests {

    @Test
    void amountsAreFormattedAtTheCurrencyScaleForTheLocale() {
        assertThat(QuoteDocumentModel.format(Money.of("12345.5", "ZAR"), Locale.ENGLISH)).isEqualTo("ZAR 12,345.50");
        assertThat(QuoteDocumentModel.format(Money.of("12345.5", "JPY"), Locale.ENGLISH)).isEqualTo("JPY 12,346");
        assertThat(QuoteDocumentModel.format(Money.of("1234.5", "EUR"), Locale.GERMANY)).isEqualTo("EUR 1.234,50");
        assertThat(QuoteDocumentModel.travellers(1, List.of())).isEqualTo("1 adult");
        assertThat(QuoteDocumentModel.travellers(2, List.of(5, 9))).isEqualTo("2 adults, 2 children (5, 9)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModelHoldsTheQuoteAsTheCustomerSeesIt() {
        QuoteLine line = new QuoteLine(UUID.randomUUID(), LineType.FEE, "Service fee", new BigDecimal("2"),
                Money.of("0", "ZAR"), null, null, new BigDecimal("150"), BigDecimal.ONE, Money.of("150.00", "ZAR"),
                Money.of("300.00", "ZAR"), false);
        QuoteSnapshot snapshot = new QuoteSnapshot(3, "Q-000042", UUID.randomUUID(), Currency.getInstance("ZAR"),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8), 2, List.of(7), "Thanks", LocalDate.of(2026, 11,
                        30),
                BigDecimal.ZERO, Money.of("300.00", "ZAR"), Money.of("0.00", "ZAR"),
                Money.of("300.00", "ZAR"), List.of(line));
        Map<String, Object> model = (Map<String, Object>) QuoteDocumentModel.of(snapshot, "sent",
                LocalDate.of(2026, 11, 23), "Ana Lima", "ana@example.com", "https://x/accept?token=t", Locale.ENGLISH)
                .get("quote");
        assertThat(model).containsEntry("number", "Q-000042").containsEntry("revision", 3)
                .containsEntry("client_name", "Ana Lima").containsEntry("total", "ZAR 300.00")
                .containsEntry("accept_link", "https://x/accept?token=t")
                .containsEntry("valid_until", LocalDate.of(2026, 11, 30));
        List<Map<String, Object>> lines = (List<Map<String, Object>>) model.get("lines");
        assertThat(lines.getFirst()).containsEntry("description", "Service fee").containsEntry("quantity", "2")
                .containsEntry("unit_price", "ZAR 150.00").containsEntry("total_money", Money.of("300.00", "ZAR"))
                .doesNotContainKeys("unit_cost", "markup_percent");
        assertThat((Map<String, Object>) model.get("travellers")).containsEntry("summary",
                "2 adults, 1 child (7)");
    }
}
