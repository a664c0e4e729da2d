package com.zorahai.quoting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotingPropertiesTests {

    private static QuotingProperties properties(Map<String, BigDecimal> rates,
            Map<String, QuotingProperties.TenantOverride> tenants) {
        return new QuotingProperties(rates, new BigDecimal("3"), BigDecimal.ZERO, new BigDecimal("20"),
                Currency.getInstance("ZAR"), Duration.ofDays(14), Duration.ofDays(30), "Q-", 5, 100, "0 0 * * * *",
                "https://app.example/", tenants);
    }

    @Test
    void rateKeysInAnySpellingNameThePairAndTenantsOverrideFieldByField() {
        QuotingProperties properties = properties(Map.of("usd-zar", new BigDecimal("18"), "EUR_ZAR",
                new BigDecimal("19")),
                Map.of("acme", new QuotingProperties.TenantOverride(
                        Map.of("[USD-ZAR]", new BigDecimal("17.5")), null, new BigDecimal("15"), null)));
        assertThat(properties.exchangeRates()).containsOnlyKeys("USDZAR", "EURZAR");
        assertThat(properties.baseUrl()).isEqualTo("https://app.example");

        QuoteSettings acme = properties.settingsFor("acme");
        assertThat(acme.rates().rate(Currency.getInstance("USD"), Currency.getInstance("ZAR")))
                .contains(new BigDecimal("17.5"));
        assertThat(acme.rates().rate(Currency.getInstance("EUR"), Currency.getInstance("ZAR")))
                .contains(new BigDecimal("19"));
        assertThat(acme.taxRatePercent()).isEqualByComparingTo("15");
        assertThat(acme.conversionBufferPercent()).isEqualByComparingTo("3");
        assertThat(properties.settingsFor("other").taxRatePercent()).isEqualByComparingTo("0");
    }

    @Test
    void badRatesAndOverridesFailNamingTheProperty() {
        assertThatThrownBy(() -> properties(Map.of("USD-XXQ", BigDecimal.ONE), null))
                .hasMessageContaining("zorah.quoting.exchange-rates.USD-XXQ");
        assertThatThrownBy(() -> properties(Map.of("USD-ZAR", BigDecimal.ZERO), null))
                .hasMessageContaining("must be a positive number");
        assertThatThrownBy(() -> properties(null, Map.of("acme", new QuotingProperties.TenantOverride(null, null,
                new BigDecimal("101"), null)))).hasMessageContaining("zorah.quoting.tenants.acme.tax-rate-percent");
    }
}
