package com.zorahai.helpdesk.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Helpdesk settings ({@code zorah.helpdesk.*}).
 *
 * @param topK how many chunks and pairs an answer is grounded on
 * @param qaThreshold without an LLM: the share of the question's words a Q&A pair must contain to be the answer
 * @param passageThreshold without an LLM: the share a passage must contain to be quoted
 * @param historyTurns how many earlier turns of a session the answer and the follow-up rewrite see
 * @param defaultModel the chat model when the tenant names none
 * @param promptsDir where an operator may put {@code helpdesk-answer.md} to replace the shipped prompt
 * @param publicLimits per-address limits of the public endpoint
 */
@ConfigurationProperties("zorah.helpdesk")
@Validated
record HelpdeskProperties(@DefaultValue("6") @Min(1) @Max(20) int topK,
        @DefaultValue("0.6") @DecimalMin("0.0") @DecimalMax("1.0") double qaThreshold,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double passageThreshold,
        @DefaultValue("6") @Min(0) @Max(30) int historyTurns,
        @DefaultValue("gpt-4o-mini") @NotBlank String defaultModel,
        @DefaultValue("./config/prompts") @NotNull Path promptsDir,
        @DefaultValue @Valid @NotNull PublicLimits publicLimits) {

    /**
     * @param perMinute requests one address may make to one tenant's public helpdesk per minute
     * @param perHour and per hour
     */
    record PublicLimits(@DefaultValue("20") @Min(1) int perMinute, @DefaultValue("200") @Min(1) int perHour) {
    }
}
