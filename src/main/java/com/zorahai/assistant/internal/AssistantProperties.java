package com.zorahai.assistant.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Assistant settings ({@code zorah.assistant.*}); per-tenant switches live in {@code assistant_settings}.
 *
 * @param engine {@code auto} (a model with tools when OpenAI is configured, the offline assistant otherwise) or
 *        {@code offline}
 * @param recentMessages how many earlier messages of the conversation the model sees
 * @param maxToolRounds how many rounds of tool calls one answer may take before the offline assistant answers
 * @param minCoverage the share of a question's words a knowledge hit must contain to be given as an answer
 * @param minScore the least search score a knowledge hit needs to be given as an answer
 * @param daysAhead how far ahead the booking dialogue looks for free days
 * @param daysOffered how many free days it offers at once
 * @param timesOffered how many times of a day it offers at once (a WhatsApp list holds 10)
 * @param maxFailures the default of a tenant's consecutive failures before a hand-over
 * @param reminderTemplate the WhatsApp template of appointment reminders when the reminder names none
 * @param reminderReplyWindow how long after a reminder "cancel" or "reschedule" means the reminded appointment
 * @param interactiveProviders the WhatsApp providers that show buttons and lists; others get numbered text
 * @param defaultModel the chat model when the tenant names none
 * @param transcriptionLanguageHint whether to pass the conversation's language to speech-to-text
 * @param botEnabledByDefault whether the bot answers for a tenant that never saved its assistant settings
 */
@ConfigurationProperties("zorah.assistant")
@Validated
record AssistantProperties(@DefaultValue("auto") @NotBlank String engine,
        @DefaultValue("12") @Min(0) @Max(50) int recentMessages,
        @DefaultValue("5") @Min(1) @Max(10) int maxToolRounds,
        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double minCoverage,
        @DefaultValue("0") @DecimalMin("0") double minScore, @DefaultValue("14") @Min(1) @Max(31) int daysAhead,
        @DefaultValue("7") @Min(1) @Max(10) int daysOffered, @DefaultValue("10") @Min(1) @Max(10) int timesOffered,
        @DefaultValue("2") @Min(1) @Max(10) int maxFailures,
        @DefaultValue("appointment_reminder") @NotBlank String reminderTemplate,
        @DefaultValue("72h") @NotNull Duration reminderReplyWindow,
        @DefaultValue({
                "meta", "dialog360", "sandbox"}) List<String> interactiveProviders,
        @DefaultValue("gpt-4o-mini") @NotBlank String defaultModel,
        @DefaultValue("true") boolean transcriptionLanguageHint, @DefaultValue("true") boolean botEnabledByDefault) {

    boolean offlineOnly() {
        return "offline".equalsIgnoreCase(engine);
    }
}
