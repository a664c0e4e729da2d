package com.zorahai.ai;

import java.util.List;
import java.util.Objects;

/**
 * What to ask a chat model that may call tools.
 *
 * @param model the model name, e.g. {@code gpt-4o-mini}
 * @param messages the conversation, system message first, with earlier tool calls and their results
 * @param tools the functions the model may call
 * @param temperature sampling temperature, null for the provider's default
 * @param maxTokens the longest answer, null for no limit
 */
public record ToolChatRequest(String model, List<ToolChatMessage> messages, List<ToolDefinition> tools,
        Double temperature, Integer maxTokens) {

    public ToolChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }
}
