package com.zorahai.ai;

/**
 * The model's answer.
 *
 * @param text the content (JSON when the request named a schema)
 * @param model the model that answered, as the provider reports it (e.g. {@code gpt-4o-mini-2024-07-18})
 * @param usage the tokens billed for the call
 */
public record ChatResult(String text, String model, TokenUsage usage) {
}
