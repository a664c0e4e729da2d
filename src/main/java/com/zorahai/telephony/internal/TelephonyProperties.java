package com.zorahai.telephony.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Telephony settings ({@code zorah.telephony.*}).
 *
 * @param baseUrl the public URL VAPI posts to: numbers are pointed at {@code <base-url>/webhooks/vapi/<tenant>}
 * @param twilio the platform's Twilio account ({@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}); a tenant may
 *        use a sub-account of its own instead
 * @param vapi VAPI's REST API ({@code VAPI_API_KEY})
 * @param webhook limits of the VAPI webhook
 * @param queue the outbound call worker
 * @param defaults what a tenant without its own settings uses
 * @param maxPageSize the largest page a list endpoint answers
 */
@Validated
@ConfigurationProperties("zorah.telephony")
public record TelephonyProperties(@NotBlank String baseUrl, @DefaultValue @Valid @NotNull Twilio twilio,
        @DefaultValue @Valid @NotNull Vapi vapi, @DefaultValue @Valid @NotNull Webhook webhook,
        @DefaultValue @Valid @NotNull Queue queue, @DefaultValue @Valid @NotNull Defaults defaults,
        @DefaultValue("100") @Min(1) @Max(500) int maxPageSize) {

    /**
     * @param apiBaseUrl where Twilio requests go instead of {@code https://<product>.twilio.com}, e.g. a proxy; empty
     *        for Twilio itself
     */
    public record Twilio(String accountSid, String authToken, String apiBaseUrl,
            @DefaultValue("20s") Duration timeout) {

        public boolean configured() {
            return StringUtils.hasText(accountSid) && StringUtils.hasText(authToken);
        }
    }

    public record Vapi(String apiKey, @DefaultValue("https://api.vapi.ai") @NotBlank String baseUrl,
            @DefaultValue("15s") Duration timeout) {

        public boolean configured() {
            return StringUtils.hasText(apiKey);
        }
    }

    /**
     * @param maxPayloadSize larger posts are answered 413 and not stored
     * @param timeoutSeconds how long VAPI waits for an answer, set on imported numbers
     */
    public record Webhook(@DefaultValue("8MB") DataSize maxPayloadSize,
            @DefaultValue("20") @Min(1) @Max(300) int timeoutSeconds) {
    }

    /**
     * @param enabled whether this instance polls the queue (one instance dials at a time, through ShedLock)
     * @param lease how long a claimed row stays away from other workers
     * @param reportTimeout how long a placed call waits for its end-of-call report before the worker asks VAPI
     */
    public record Queue(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("20") @Min(1) @Max(500) int batchSize, @DefaultValue("5m") Duration lease,
            @DefaultValue("30m") Duration reportTimeout, @DefaultValue("24h") Duration maxBackoff) {
    }

    public record Defaults(@DefaultValue("09:00") LocalTime callingHoursStart,
            @DefaultValue("20:00") LocalTime callingHoursEnd,
            @DefaultValue("MON,TUE,WED,THU,FRI,SAT") String callingDays,
            @DefaultValue("08:00") LocalTime businessHoursStart, @DefaultValue("17:00") LocalTime businessHoursEnd,
            @DefaultValue("MON,TUE,WED,THU,FRI") String businessDays,
            @DefaultValue("3") @Min(1) @Max(20) int maxAttempts, @DefaultValue("1h") Duration retryBackoff,
            @DefaultValue("2") @DecimalMin("1") @DecimalMax("10") BigDecimal retryBackoffMultiplier,
            @DefaultValue("true") boolean storeTranscripts, @DefaultValue("false") boolean liveTranscripts) {
    }
}
