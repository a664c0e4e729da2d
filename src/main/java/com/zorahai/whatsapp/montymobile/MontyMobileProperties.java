package com.zorahai.whatsapp.montymobile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The MontyMobile adapter ({@code zorah.whatsapp.montymobile.*}). Tenants bring {@code montymobile_api_key}
 * ({@code MONTYMOBILE_API_KEY}), {@code montymobile_tenant_id} ({@code MONTYMOBILE_TENANT_ID}) and
 * {@code montymobile_source_number} ({@code MONTYMOBILE_SOURCE_NUMBER}).
 */
@ConfigurationProperties("zorah.whatsapp.montymobile")
@Validated
record MontyMobileProperties(
        @DefaultValue("https://whatsapp-notification.montymobile.com") @NotBlank String baseUrl,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("20s") @NotNull Duration readTimeout,
        @DefaultValue("64MB") @NotNull DataSize maxMediaSize) {
}
