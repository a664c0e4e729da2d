package com.zorahai.assistant;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * The assistant answered a customer's message.
 *
 * @param engine {@code openai} (a model with tools) or {@code offline} (knowledge, keyword intents and dialogues)
 * @param intent what the message was taken for ({@code prices}, {@code booking}, {@code question}, ...)
 * @param latencyMs from the message's arrival at the assistant to the answer being queued
 * @param promptTokens tokens sent to the model for this answer (0 offline)
 * @param completionTokens tokens the model wrote for this answer (0 offline)
 */
public record AssistantAnswered(TenantId tenantId, UUID conversationId, UUID messageId, String engine,
        String intent, String language, long latencyMs, long promptTokens, long completionTokens, Instant at) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
