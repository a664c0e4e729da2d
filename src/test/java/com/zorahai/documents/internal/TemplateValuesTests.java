package com.zorahai.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.documents.DocumentLine;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateValuesTests {

    private static final Locale SOUTH_AFRICA = Locale.forLanguageTag("en-ZA");
    private final TemplateValues za = new TemplateValues(SOUTH_AFRICA, ZoneId.of("Africa/Johannesburg"));
    private final TemplateValues us = new TemplateValues(Locale.US, ZoneId.of("America/New_York"));

    private static String plain(Object text) {
        return String.valueOf(text).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void moneyIsWrittenInTheTenantsLocaleWithTheMoneysCurrency() {
        assertThat(plain(za.money(Money.of("1234.5", "ZAR")))).isEqualTo("R1 234,50");
        assertThat(us.money(Money.of("1234.5", "USD"))).isEqualTo("$1,234.50");
        assertThat(plain(za.money(Money.of("1234.5", "USD")))).isEqualTo("US$1 234,50");
        assertThat(us.money(Money.of("1234.5", "JPY"))).isEqualTo("¥1,234");
        assertThat(plain(us.money(Money.of("12.3456", "BHD")))).isEqualTo("BHD12.346");
    }

    @Test
    void moneyIsRoundedHalfEvenWithoutGoingThroughDouble() {
        assertThat(us.money(Money.of("0.125", "USD"))).isEqualTo("$0.12");
        assertThat(us.money(Money.of("0.135", "USD"))).isEqualTo("$0.14");
        assertThat(us.money(Money.of("12345678901234567.895", "USD"))).isEqualTo("$12,345,678,901,234,567.90");
    }

    @Test
    void decimalsLoseTrailingZeros() {
        assertThat(us.decimal(new BigDecimal("2.000"))).isEqualTo("2");
        assertThat(za.decimal(new BigDecimal("1.50"))).isEqualTo("1,5");
        assertThat(us.decimal(new BigDecimal("1000"))).isEqualTo("1,000");
    }

    @Test
    void datesAreWrittenInTheTenantsLocaleAndZone() {
        assertThat(za.convert(LocalDate.of(2027, 1, 12))).isEqualTo("12 January 2027");
        assertThat(plain(us.convert(Instant.parse("2027-01-12T03:30:00Z")))).isEqualTo("11 January 2027, 22:30 EST");
        assertThat(us.convert(Instant.parse("2027-01-12T03:30:00Z").atOffset(ZoneOffset.UTC)))
                .asString().startsWith("11 January 2027, 22:30");
    }

    @Test
    void recordsBecomeMapsOfReadableValues() {
        DocumentLine line = new DocumentLine("Hotel", new BigDecimal("7"), Money.of("100", "USD"),
                Money.of("700", "USD"));
        Map<String, Object> model = us.model(Map.of("lines", List.of(line), "tenant", TenantId.of("acme"), "currency",
                Currency.getInstance("USD"), "flag", true, "count", 3L));

        assertThat(model.get("lines")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(Map.of("description", "Hotel", "quantity", "7", "unitPrice", "$100.00", "total",
                        "$700.00"));
        assertThat(model).containsEntry("tenant", "acme").containsEntry("currency", "USD")
                .containsEntry("flag", true).containsEntry("count", 3L);
    }

    @Test
    void otherObjectsReachTemplatesOnlyAsText() {
        Object thread = us.convert(new StringBuilder("text"));
        assertThat(thread).isEqualTo("text");
        assertThat(us.convert(new int[]{1, 2})).isEqualTo(List.of(1, 2));
        assertThat(us.convert(Locale.CANADA_FRENCH)).isEqualTo("fr-CA");
        assertThat(us.model(null)).isEmpty();
    }

    @Test
    void nullKeysAreDroppedAndNullValuesKept() {
        Map<String, Object> model = new HashMap<>();
        model.put(null, "x");
        model.put("notes", null);
        assertThat(us.model(model)).containsOnlyKeys("notes").containsEntry("notes", null);
    }

    @Test
    void aModelThatNestsTooDeepIsRefused() {
        List<Object> nested = new ArrayList<>();
        List<Object> current = nested;
        for (int i = 0; i < 20; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }
        assertThatThrownBy(() -> us.convert(nested)).isInstanceOf(IllegalArgumentException.class);
    }
}
