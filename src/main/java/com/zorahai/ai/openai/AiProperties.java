package com.zorahai.ai.openai;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * AI settings ({@code zorah.ai.*}).
 *
 * @param promptsDir where the operator-editable prompts live; edits apply on the next call, a prompt missing there
 *        falls back to the one shipped in the jar
 * @param openai the OpenAI connection; without an API key every extraction uses the rules
 * @param embeddings the embeddings model used when OpenAI is on
 */
@ConfigurationProperties("zorah.ai")
@Validated
record AiProperties(@DefaultValue("./config/prompts") @NotNull Path promptsDir, @DefaultValue @NotNull OpenAi openai,
        @DefaultValue @NotNull EmbeddingSettings embeddings) {

    /**
     * @param enabled {@code false} keeps embeddings off even with a key (search then ranks by text alone)
     * @param model the OpenAI embeddings model
     * @param dimensions the vector length asked for (text-embedding-3 models can shorten their vectors)
     */
    record EmbeddingSettings(@DefaultValue("true") boolean enabled,
            @DefaultValue("text-embedding-3-small") @NotBlank String model,
            @DefaultValue("1536") @Min(8) @Max(3072) int dimensions) {
    }

    /**
     * @param apiKey {@code OPENAI_API_KEY}; blank turns OpenAI off
     * @param baseUrl the API root, {@code https://api.openai.com/v1} (a local fake in tests)
     * @param timeout the longest one extraction may take before the rules answer instead
     * @param maxRetries retries on connection errors, 408, 409, 429 and 5xx (each within the timeout budget)
     */
    record OpenAi(@DefaultValue("") String apiKey, @DefaultValue("https://api.openai.com/v1") @NotBlank String baseUrl,
            @DefaultValue("20s") @NotNull Duration timeout, @DefaultValue("0") @Min(0) @Max(3) int maxRetries) {

        boolean hasKey() {
            return StringUtils.hasText(apiKey);
        }

        @Override
        public String toString() {
            return "OpenAi[apiKey=" + (hasKey() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                    + ", maxRetries=" + maxRetries + "]";
        }
    }
}
