package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.TokenUsage;

/** One Chat Completions call and the parts of its answer every caller reads, failures as {@link AiCallFailed}. */
final class Completions {

    private Completions() {
    }

    /** Sends the request; the SDK's exceptions become {@link AiCallFailed} (see {@link OpenAiFailures}). */
    static ChatCompletion create(OpenAIClient client, ChatCompletionCreateParams params) {
        try {
            return client.chat().completions().create(params);
        } catch (OpenAIException e) {
            throw OpenAiFailures.of(e);
        }
    }

    /** The first choice's message; {@code invalid_response} without one, {@code refused} when the model refused. */
    static ChatCompletionMessage message(ChatCompletion completion) {
        ChatCompletionMessage message = completion.choices().stream().findFirst()
                .orElseThrow(() -> new AiCallFailed("invalid_response", "no choices", null))
                .message();
        if (message.refusal().isPresent()) {
            throw new AiCallFailed("refused", "the model refused", null);
        }
        return message;
    }

    static TokenUsage usage(ChatCompletion completion) {
        return completion.usage()
                .map(u -> new TokenUsage(u.promptTokens(), u.completionTokens()))
                .orElse(TokenUsage.NONE);
    }

    /** The model that answered, or the one asked for when the answer does not say. */
    static String model(ChatCompletion completion, String requested) {
        return completion.model().isBlank() ? requested : completion.model();
    }
}
