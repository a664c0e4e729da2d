package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.ToolCall;
import com.zorahai.ai.ToolChat;
import com.zorahai.ai.ToolChatMessage;
import com.zorahai.ai.ToolChatRequest;
import com.zorahai.ai.ToolChatResult;
import com.zorahai.ai.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool calling through the Chat Completions endpoint: our messages and tool definitions become the request's
 * {@code messages} and {@code tools} (type {@code function}); the answer's {@code tool_calls} or {@code content}
 * come back as our records. No SDK type leaves this class.
 */
public class OpenAiToolChat implements ToolChat {

    private final OpenAIClient client;

    public OpenAiToolChat(OpenAIClient client) {
        this.client = client;
    }

    @Override
    public ToolChatResult complete(ToolChatRequest request) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(request.model());
        if (request.temperature() != null) {
            params.temperature(request.temperature());
        }
        if (request.maxTokens() != null) {
            params.maxCompletionTokens(request.maxTokens());
        }
        for (ToolChatMessage message : request.messages()) {
            switch (message) {
                case ToolChatMessage.System system -> params.addSystemMessage(system.text());
                case ToolChatMessage.User user -> params.addUserMessage(user.text());
                case ToolChatMessage.Assistant assistant -> params.addMessage(assistant(assistant));
                case ToolChatMessage.ToolResult result -> params.addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(result.toolCallId())
                        .content(result.content())
                        .build());
            }
        }
        for (ToolDefinition tool : request.tools()) {
            params.addTool(function(tool));
        }
        ChatCompletion completion = Completions.create(client, params.build());
        var message = Completions.message(completion);
        List<ToolCall> calls = new ArrayList<>();
        for (ChatCompletionMessageToolCall call : message.toolCalls().orElse(List.of())) {
            ChatCompletionMessageFunctionToolCall function = call.function()
                    .orElseThrow(() -> new AiCallFailed("invalid_response", "a tool call that is not a function",
                            null));
            calls.add(new ToolCall(function.id(), function.function().name(), function.function().arguments()));
        }
        String text = message.content().filter(c -> !c.isBlank()).orElse(null);
        if (text == null && calls.isEmpty()) {
            throw new AiCallFailed("invalid_response", "neither content nor tool calls", null);
        }
        return new ToolChatResult(calls.isEmpty() ? text : null, calls, Completions.model(completion, request.model()),
                Completions.usage(completion));
    }

    private static ChatCompletionAssistantMessageParam assistant(ToolChatMessage.Assistant message) {
        ChatCompletionAssistantMessageParam.Builder builder = ChatCompletionAssistantMessageParam.builder();
        if (message.text() != null) {
            builder.content(message.text());
        }
        for (ToolCall call : message.toolCalls()) {
            builder.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                    .id(call.id())
                    .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                            .name(call.name())
                            .arguments(call.arguments())
                            .build())
                    .build());
        }
        return builder.build();
    }

    private static ChatCompletionFunctionTool function(ToolDefinition tool) {
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        tool.parameters().forEach((k, v) -> parameters.putAdditionalProperty(k, JsonValue.from(v)));
        FunctionDefinition.Builder definition = FunctionDefinition.builder().name(tool.name())
                .parameters(parameters.build());
        if (tool.description() != null) {
            definition.description(tool.description());
        }
        return ChatCompletionFunctionTool.builder().function(definition.build()).build();
    }
}
