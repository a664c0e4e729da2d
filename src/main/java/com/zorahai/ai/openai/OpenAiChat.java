package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.Chat;
import com.zorahai.ai.ChatMessage;
import com.zorahai.ai.ChatRequest;
import com.zorahai.ai.ChatResult;

/** Chat completions through the OpenAI Chat Completions endpoint, with JSON-schema structured output on request. */
public class OpenAiChat implements Chat {

    private final OpenAIClient client;

    public OpenAiChat(OpenAIClient client) {
        this.client = client;
    }

    @Override
    public ChatResult complete(ChatRequest request) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(request.model());
        if (request.temperature() != null) {
            params.temperature(request.temperature());
        }
        if (request.maxTokens() != null) {
            params.maxCompletionTokens(request.maxTokens());
        }
        for (ChatMessage message : request.messages()) {
            switch (message.role()) {
                case SYSTEM -> params.addSystemMessage(message.content());
                case USER -> params.addUserMessage(message.content());
                case ASSISTANT -> params.addAssistantMessage(message.content());
            }
        }
        if (request.responseSchema() != null) {
            var schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
            request.responseSchema().schema().forEach((k, v) -> schema.putAdditionalProperty(k, JsonValue.from(v)));
            params.jsonSchemaResponseFormat(ResponseFormatJsonSchema.JsonSchema.builder()
                    .name(request.responseSchema().name())
                    .strict(true)
                    .schema(schema.build())
                    .build());
        }
        ChatCompletion completion = Completions.create(client, params.build());
        String content = Completions.message(completion).content()
                .orElseThrow(() -> new AiCallFailed("invalid_response", "no content", null));
        return new ChatResult(content, Completions.model(completion, request.model()), Completions.usage(completion));
    }
}
