package com.zorahai.ai;

import java.util.Map;
import java.util.Objects;

/**
 * A function the model may call.
 *
 * @param name {@code [a-zA-Z0-9_-]}, at most 64 characters
 * @param description when and how to use it, for the model
 * @param parameters the JSON schema of its arguments (an {@code object} schema), as maps, lists and scalars
 */
public record ToolDefinition(String name, String description, Map<String, Object> parameters) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a tool name is 1 to 64 letters, digits, _ or -");
        }
        parameters = parameters == null ? Map.of("type", "object", "properties", Map.of()) : Map.copyOf(parameters);
    }
}
