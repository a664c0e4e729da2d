package com.zorahai.whatsapp.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The WhatsApp channel ({@code zorah.whatsapp.*}).
 *
 * @param verifyToken answers Meta's verification handshake ({@code WHATSAPP_WEBHOOK_VERIFY_TOKEN}); a tenant's
 *        {@code whatsapp.credentials.verify_token} wins on its own webhook path
 * @param appSecret the Meta app secret webhooks are signed with ({@code WHATSAPP_APP_SECRET}) when the tenant sets no
 *        {@code whatsapp.webhook_secret}
 * @param maxPayloadSize larger webhook bodies are answered 413 (Meta sends at most 3 MB)
 * @param window how long a customer's message keeps the customer-service window open
 * @param testingMode {@code TESTING_MODE}: message contents stay out of the conversation store (the ids stay, so
 *        deduplication, statuses and the window still work)
 * @param store where conversations are kept: {@code postgres} or {@code firestore} (also mirrored there)
 * @param keepRawPayloads whether webhook bodies are kept as received
 * @param mediaBucket the object-storage bucket of downloaded media
 * @param maxAttempts how many times an outbound message is tried
 * @param throttleBackoff the first wait after a throughput error; doubles per attempt up to {@code retry.maxBackoff}
 */
@ConfigurationProperties("zorah.whatsapp")
@Validated
public record WhatsAppProperties(@DefaultValue("") String verifyToken,
        @DefaultValue("") String appSecret,
        @DefaultValue("3MB") @NotNull DataSize maxPayloadSize,
        @DefaultValue("24h") @NotNull Duration window,
        @DefaultValue("false") boolean testingMode,
        @DefaultValue("postgres") @Pattern(regexp = "postgres|firestore") String store,
        @DefaultValue("true") boolean keepRawPayloads,
        @DefaultValue("whatsapp-media") @NotBlank String mediaBucket,
        @DefaultValue("6") @Min(1) @Max(50) int maxAttempts,
        @DefaultValue("30s") @NotNull Duration throttleBackoff,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull Worker worker,
        @DefaultValue("100") @Min(1) int maxPageSize) {

    /** Backoff between attempts: {@code initialBackoff * multiplier^(attempt-1)}, at most {@code maxBackoff}. */
    public record Retry(@DefaultValue("10s") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("15m") @NotNull Duration maxBackoff) {
    }

    /**
     * @param enabled whether the scheduled poll runs (tests drive the worker themselves)
     * @param lease how long a claimed message belongs to its worker before another may take it over
     */
    public record Worker(@DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("20") @Min(1) @Max(500) int batchSize,
            @DefaultValue("2m") @NotNull Duration lease,
            @DefaultValue("10") @Min(1) int maxBatchesPerPoll) {
    }
}
