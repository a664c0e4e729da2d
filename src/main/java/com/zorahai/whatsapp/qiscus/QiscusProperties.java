package com.zorahai.whatsapp.qiscus;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deprecated Qiscus adapter ({@code zorah.whatsapp.qiscus.*}). Tenants bring {@code qiscus_sdk_secret}
 * ({@code QISCUS_SDK_SECRET}), {@code qiscus_app_code} ({@code QISCUS_APP_CODE}) and {@code qiscus_sender_email}
 * ({@code QISCUS_SENDER_EMAIL}).
 */
@ConfigurationProperties("zorah.whatsapp.qiscus")
@Validated
record QiscusProperties(@DefaultValue("https://qismo.qiscus.com") @NotBlank String baseUrl,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("20s") @NotNull Duration readTimeout) {
}
