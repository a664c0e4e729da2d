package com.zorahai.ai.openai;

/**
 * The model gave no usable answer. {@link #reason()} is a short tag for logs and metrics ({@code timeout},
 * {@code rate_limited}, {@code server_error}, {@code client_error}, {@code io}, {@code invalid_response},
 * {@code refused}); the message never holds email content or keys.
 */
public class LlmFailure extends RuntimeException {

    private final String reason;

    LlmFailure(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
