package com.zorahai.whatsapp.dialog360;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The 360dialog adapter ({@code zorah.whatsapp.dialog360.*}). Tenants bring {@code whatsapp.credentials
 * .dialog360_api_key} ({@code DIALOG360_API_KEY}) and may set {@code dialog360_sandbox} ({@code DIALOG360_SANDBOX})
 * to {@code true} to use the sandbox host.
 *
 * @param baseUrl the Cloud API (v2) host
 * @param sandboxUrl the sandbox host (your own number only, no media)
 */
@ConfigurationProperties("zorah.whatsapp.dialog360")
@Validated
record Dialog360Properties(@DefaultValue("https://waba-v2.360dialog.io") @NotBlank String baseUrl,
        @DefaultValue("https://waba-sandbox.360dialog.io") @NotBlank String sandboxUrl,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("20s") @NotNull Duration readTimeout,
        @DefaultValue("64MB") @NotNull DataSize maxMediaSize) {
}
