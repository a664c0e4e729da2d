package com.zorahai.email.sendgrid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * SendGrid settings ({@code zorah.email.sendgrid.*}).
 *
 * @param masterApiKey the platform's key ({@code SENDGRID_MASTER_API_KEY}), used for tenants without their own; with
 *        none, those tenants' mail is held in the outbox
 * @param host the API host, {@code api.sendgrid.com} (or {@code api.eu.sendgrid.com}); {@code http://host:port} for a
 *        local fake
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for SendGrid's answer
 */
@ConfigurationProperties("zorah.email.sendgrid")
@Validated
record SendGridProperties(@DefaultValue("") String masterApiKey,
        @DefaultValue("api.sendgrid.com") @NotBlank String host,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("20s") @NotNull Duration readTimeout) {

    boolean hasMasterKey() {
        return StringUtils.hasText(masterApiKey);
    }

    /** Whether to talk plain HTTP ({@code http://} host, a local fake only). */
    boolean plainHttp() {
        return host.startsWith("http://");
    }

    /** {@code host[:port]} without scheme or trailing slash, as sendgrid-java wants it. */
    String hostAndPort() {
        String bare = host.replaceFirst("^https?://", "");
        return bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }

    @Override
    public String toString() {
        return "SendGridProperties[masterApiKey=" + (hasMasterKey() ? "(set)" : "(none)") + ", host=" + host
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
