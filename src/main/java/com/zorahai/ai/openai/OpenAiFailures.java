package com.zorahai.ai.openai;

import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.zorahai.ai.AiCallFailed;
import java.io.InterruptedIOException;

/** Maps the SDK's exceptions to {@link AiCallFailed}, whose message never carries request content. */
final class OpenAiFailures {

    private OpenAiFailures() {
    }

    static AiCallFailed of(OpenAIException e) {
        if (e instanceof RateLimitException) {
            return new AiCallFailed("rate_limited", "rate limited (429)", e);
        }
        if (e instanceof InternalServerException server) {
            return new AiCallFailed("server_error", "server error (" + server.statusCode() + ")", e);
        }
        if (e instanceof OpenAIServiceException service) {
            return new AiCallFailed("client_error", "rejected (" + service.statusCode() + ")", e);
        }
        if (e instanceof OpenAIIoException) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InterruptedIOException) {
                    return new AiCallFailed("timeout", "timed out", e);
                }
            }
            return new AiCallFailed("io", "connection failed", e);
        }
        return new AiCallFailed("invalid_response", "unreadable response", e);
    }
}
