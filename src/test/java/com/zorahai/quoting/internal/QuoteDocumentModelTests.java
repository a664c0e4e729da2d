package com.zorahai.quoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.documents.QuoteDocument;
import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
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
        QuoteDocument document = QuoteDocumentModel.of(snapshot, LocalDate.of(2026, 11, 23), "Ana Lima",
                "ana@example.com", "https://x/accept?token=t");
        assertThat(document.number()).isEqualTo("Q-000042");
        assertThat(document.client().name()).isEqualTo("Ana Lima");
        assertThat(document.total()).isEqualTo(Money.of("300.00", "ZAR"));
        assertThat(document.acceptUrl()).isEqualTo("https://x/accept?token=t");
        assertThat(document.validUntil()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(document.lines()).singleElement().satisfies(row -> {
            assertThat(row.description()).isEqualTo("Service fee");
            assertThat(row.unitPrice()).isEqualTo(Money.of("150.00", "ZAR"));
            assertThat(row.total()).isEqualTo(Money.of("300.00", "ZAR"));
        });
        assertThat(document.travellers()).containsExactly("2 adults, 1 child (7)");
    }
}
