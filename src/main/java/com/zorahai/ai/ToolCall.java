package com.zorahai.ai;

import java.util.Objects;

/**
 * A call the model asked for.
 *
 * @param id the call's id, to send its result back with
 * @param arguments the arguments as JSON text, as the model wrote them (check them: they may not fit the schema)
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }
}
