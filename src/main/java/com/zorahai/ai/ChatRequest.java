package com.zorahai.ai;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to ask a chat model.
 *
 * @param model the model name, e.g. {@code gpt-4o-mini}
 * @param messages the conversation, system message first
 * @param temperature sampling temperature, null for the provider's default
 * @param maxTokens the longest answer, null for no limit
 * @param responseSchema when set, the answer is JSON following this schema (structured output)
 */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
        ResponseSchema responseSchema) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    /** A plain-text request at temperature 0. */
    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return new ChatRequest(model, messages, 0.0, null, null);
    }

    /** The same request asking for JSON that follows {@code schema}. */
    public ChatRequest withSchema(ResponseSchema schema) {
        return new ChatRequest(model, messages, temperature, maxTokens, schema);
    }

    /**
     * A JSON schema the answer must follow (strict mode: every property required, no additional properties).
     *
     * @param name a short identifier, {@code [a-zA-Z0-9_-]}
     * @param schema the JSON schema as maps, lists and scalars
     */
    public record ResponseSchema(String name, Map<String, Object> schema) {

        public ResponseSchema {
            Objects.requireNonNull(name, "name");
            schema = Map.copyOf(schema);
        }
    }
}
