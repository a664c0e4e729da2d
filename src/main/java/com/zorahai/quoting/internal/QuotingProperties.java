package com.zorahai.quoting.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Quoting settings ({@code zorah.quoting.*}). Exchange rates, the conversion buffer, the tax rate and the default
 * markup apply to every tenant unless {@code tenants.<tenant-id>} overrides them.
 *
 * @param exchangeRates units of the second currency per unit of the first, keyed {@code USD-ZAR}; the inverse pair
 *        is derived when only one direction is given
 * @param conversionBufferPercent added on top of a converted amount, to absorb rate movements until payment
 * @param taxRatePercent charged on the taxable lines
 * @param defaultMarkupPercent the markup of a line that gives neither markup, margin nor price, and of priced stays
 * @param defaultCurrency the currency of a quote when neither the request nor the tenant names one
 * @param validity how long a new quote is valid for
 * @param acceptLinkTtl how long an accept link works at most (never beyond the quote's {@code valid_until})
 * @param numberPrefix put before the zero-padded number, e.g. {@code Q-000123}
 * @param maxAlternatives the most alternatives {@code quotes:price} returns
 * @param maxPageSize the largest page the list returns
 * @param expiryCron when the expiry job runs
 * @param baseUrl where accept links point ({@code BASE_URL})
 * @param tenants per-tenant overrides of the money settings, keyed by tenant id
 */
@Validated
@ConfigurationProperties("zorah.quoting")
public record QuotingProperties(Map<String, BigDecimal> exchangeRates,
        @DefaultValue("3") @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal conversionBufferPercent,
        @DefaultValue("0") @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal taxRatePercent,
        @DefaultValue("20") @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal defaultMarkupPercent,
        @DefaultValue("ZAR") @NotNull Currency defaultCurrency,
        @DefaultValue("14d") @NotNull Duration validity,
        @DefaultValue("30d") @NotNull Duration acceptLinkTtl,
        @DefaultValue("Q-") @NotNull String numberPrefix,
        @DefaultValue("5") @Min(1) @Max(50) int maxAlternatives,
        @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
        @DefaultValue("0 */15 * * * *") @NotNull String expiryCron,
        @DefaultValue("http://localhost:8080") @NotNull String baseUrl,
        Map<String, TenantOverride> tenants) {

    public QuotingProperties {
        exchangeRates = normaliseRates(exchangeRates);
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        tenants.forEach((tenant, override) -> {
            if (override != null) {
                check("zorah.quoting.tenants." + tenant + ".conversion-buffer-percent",
                        override.conversionBufferPercent(), new BigDecimal("100"));
                check("zorah.quoting.tenants." + tenant + ".tax-rate-percent", override.taxRatePercent(),
                        new BigDecimal("100"));
                check("zorah.quoting.tenants." + tenant + ".default-markup-percent",
                        override.defaultMarkupPercent(), new BigDecimal("1000"));
            }
        });
        if (numberPrefix != null && !numberPrefix.matches("[A-Za-z0-9-]{0,10}")) {
            throw new IllegalArgumentException("zorah.quoting.number-prefix must be up to 10 letters, digits or"
                    + " dashes, not '" + numberPrefix + "'");
        }
        baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
    }

    /**
     * A tenant's own values; a null one falls back to the global setting.
     *
     * @param exchangeRates merged over the global rates, pair by pair
     */
    public record TenantOverride(Map<String, BigDecimal> exchangeRates, BigDecimal conversionBufferPercent,
            BigDecimal taxRatePercent, BigDecimal defaultMarkupPercent) {

        public TenantOverride {
            exchangeRates = normaliseRates(exchangeRates);
        }
    }

    /** The money settings in force for a tenant. */
    public QuoteSettings settingsFor(String tenant) {
        TenantOverride override = Optional.ofNullable(tenants.get(tenant))
                .orElse(new TenantOverride(null, null, null, null));
        Map<String, BigDecimal> rates = new LinkedHashMap<>(exchangeRates);
        rates.putAll(override.exchangeRates());
        return new QuoteSettings(ExchangeRates.of(rates),
                Optional.ofNullable(override.conversionBufferPercent()).orElse(conversionBufferPercent),
                Optional.ofNullable(override.taxRatePercent()).orElse(taxRatePercent),
                Optional.ofNullable(override.defaultMarkupPercent()).orElse(defaultMarkupPercent));
    }

    /** Keys as {@code USDZAR}: {@code USD-ZAR}, {@code usd_zar} and {@code [USD-ZAR]} all name the same pair. */
    private static Map<String, BigDecimal> normaliseRates(Map<String, BigDecimal> rates) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        if (rates == null) {
            return Map.of();
        }
        rates.forEach((key, rate) -> {
            String pair = key.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
            String property = "zorah.quoting.exchange-rates." + key;
            if (pair.length() != 6 || !ExchangeRates.isCurrency(pair.substring(0, 3))
                    || !ExchangeRates.isCurrency(pair.substring(3))) {
                throw new IllegalArgumentException(property + ": the key must name two ISO 4217 currencies, e.g."
                        + " USD-ZAR");
            }
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException(property + " must be a positive number");
            }
            result.put(pair, rate);
        });
        return Map.copyOf(result);
    }

    private static void check(String property, BigDecimal value, BigDecimal max) {
        if (value != null && (value.signum() < 0 || value.compareTo(max) > 0)) {
            throw new IllegalArgumentException(property + " must be between 0 and " + max.toPlainString());
        }
    }
}
