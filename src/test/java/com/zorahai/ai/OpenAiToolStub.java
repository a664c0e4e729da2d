package com.zorahai.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat Completions and transcription bodies shaped like the API reference's: an assistant message with
 * {@code tool_calls} (finish reason {@code tool_calls}), a final text message, and a {@code /audio/transcriptions}
 * JSON answer.
 */
public final class OpenAiToolStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiToolStub() {
    }

    /** A call the model makes: id, function name and its arguments as a JSON object. */
    public record Call(String id, String name, Map<String, Object> arguments) {
    }

    public static Call call(String id, String name, Map<String, Object> arguments) {
        return new Call(id, name, arguments);
    }

    /** A completion whose message asks for these tool calls. */
    public static String toolCalls(Call... calls) {
        List<Map<String, Object>> toolCalls = new ArrayList<>();
        for (Call call : calls) {
            toolCalls.add(Map.of("id", call.id(), "type", "function", "function",
                    Map.of("name", call.name(), "arguments", JSON.writeValueAsString(call.arguments()))));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", null);
        message.put("tool_calls", toolCalls);
        message.put("refusal", null);
        message.put("annotations", List.of());
        return completion(message, "tool_calls", 412, 38);
    }

    /** A completion whose message is the final text. */
    public static String text(String content) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        message.put("refusal", null);
        message.put("annotations", List.of());
        return completion(message, "stop", 530, 64);
    }

    /** The JSON answer of {@code POST /audio/transcriptions} with {@code response_format=json}. */
    public static String transcription(String text) {
        return JSON.writeValueAsString(Map.of("text", text, "usage", Map.of("type", "tokens", "input_tokens", 14,
                "input_token_details", Map.of("text_tokens", 0, "audio_tokens", 14), "output_tokens", 45,
                "total_tokens", 59)));
    }

    private static String completion(Map<String, Object> message, String finishReason, int prompt, int completion) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-Bq7z9kTl2wQ4");
        body.put("object", "chat.completion");
        body.put("created", 1763884800);
        body.put("model", "gpt-4o-mini-2024-07-18");
        body.put("choices", List.of(choice));
        body.put("usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens",
                prompt + completion, "prompt_tokens_details", Map.of("cached_tokens", 0, "audio_tokens", 0),
                "completion_tokens_details", Map.of("reasoning_tokens", 0, "audio_tokens", 0,
                        "accepted_prediction_tokens", 0, "rejected_prediction_tokens", 0)));
        body.put("service_tier", "default");
        body.put("system_fingerprint", "fp_560af6e559");
        return JSON.writeValueAsString(body);
    }
}
