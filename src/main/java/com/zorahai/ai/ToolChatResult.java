package com.zorahai.ai;

import java.util.List;

/**
 * The model's answer to one round.
 *
 * @param text the final text, or null when the model asks for tool calls instead
 * @param toolCalls the calls to run before asking again; empty when the answer is final
 * @param model the model that answered, as the provider reports it
 * @param usage the tokens billed for this round
 */
public record ToolChatResult(String text, List<ToolCall> toolCalls, String model, TokenUsage usage) {

    public ToolChatResult {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    /** Whether the model wants tool results before it answers. */
    public boolean wantsTools() {
        return !toolCalls.isEmpty();
    }
}
