package com.zorahai.ai;

/** Tokens billed for one call, for cost per tenant. */
public record TokenUsage(long promptTokens, long completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
