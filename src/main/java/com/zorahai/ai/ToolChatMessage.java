package com.zorahai.ai;

import java.util.List;
import java.util.Objects;

/** One message of a conversation with a model that may call tools. */
public sealed interface ToolChatMessage {

    static ToolChatMessage system(String text) {
        return new System(text);
    }

    static ToolChatMessage user(String text) {
        return new User(text);
    }

    static ToolChatMessage assistant(String text) {
        return new Assistant(text, List.of());
    }

    /** Instructions for the model. */
    record System(String text) implements ToolChatMessage {

        public System {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the customer said. */
    record User(String text) implements ToolChatMessage {

        public User {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the model said before: text, tool calls, or both. */
    record Assistant(String text, List<ToolCall> toolCalls) implements ToolChatMessage {

        public Assistant {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
            if (text == null && toolCalls.isEmpty()) {
                throw new IllegalArgumentException("an assistant message needs text or tool calls");
            }
        }
    }

    /** The result of one tool call, as text (usually JSON) for the model to read. */
    record ToolResult(String toolCallId, String content) implements ToolChatMessage {

        public ToolResult {
            Objects.requireNonNull(toolCallId, "toolCallId");
            Objects.requireNonNull(content, "content");
        }
    }
}
