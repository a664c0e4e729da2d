package com.zorahai.ai;

/**
 * A call to a model gave no usable answer. {@link #reason()} is a short tag for logs and metrics ({@code timeout},
 * {@code rate_limited}, {@code server_error}, {@code client_error}, {@code io}, {@code invalid_response},
 * {@code refused}); the message never holds prompt content or keys.
 */
public class AiCallFailed extends RuntimeException {

    private final String reason;

    public AiCallFailed(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
