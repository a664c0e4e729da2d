package com.zorahai.whatsapp.meta;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Meta Cloud API adapter ({@code zorah.whatsapp.meta.*}). Tenants bring their own token and phone-number id in
 * {@code whatsapp.credentials.api_token} and {@code whatsapp.phone_number_id}.
 *
 * @param baseUrl the Graph API host
 * @param apiVersion the Graph API version in every path
 * @param maxMediaSize larger media files are not downloaded
 * @param maxTemplatePages how many pages of templates a list reads at most
 */
@ConfigurationProperties("zorah.whatsapp.meta")
@Validated
record MetaProperties(@DefaultValue("https://graph.facebook.com") @NotBlank String baseUrl,
        @DefaultValue("v21.0") @Pattern(regexp = "v[0-9]+\\.[0-9]+") String apiVersion,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("20s") @NotNull Duration readTimeout,
        @DefaultValue("64MB") @NotNull DataSize maxMediaSize,
        @DefaultValue("10") int maxTemplatePages) {

    String root() {
        return baseUrl.replaceAll("/+$", "") + "/" + apiVersion;
    }
}
