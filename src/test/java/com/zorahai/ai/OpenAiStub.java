package com.zorahai.ai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Chat Completions bodies shaped like the real API's, with our structured answer as the message content. */
public final class OpenAiStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiStub() {
    }

    /** A {@code chat.completion} whose first choice holds {@code content}. */
    public static String completion(String content) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        message.put("refusal", null);
        message.put("annotations", List.of());
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", "stop");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-BkX2w9uX8cE1");
        body.put("object", "chat.completion");
        body.put("created", 1763884800);
        body.put("model", "gpt-4o-mini-2024-07-18");
        body.put("choices", List.of(choice));
        body.put("usage", Map.of("prompt_tokens", 812, "completion_tokens", 240, "total_tokens", 1052,
                "prompt_tokens_details", Map.of("cached_tokens", 0, "audio_tokens", 0),
                "completion_tokens_details", Map.of("reasoning_tokens", 0, "audio_tokens", 0,
                        "accepted_prediction_tokens", 0, "rejected_prediction_tokens", 0)));
        body.put("service_tier", "default");
        body.put("system_fingerprint", "fp_560af6e559");
        return JSON.writeValueAsString(body);
    }

    /** A {@code chat.completion} whose message is a refusal. */
    public static String refusal() {
        return completion("x").replace("\"content\":\"x\",\"refusal\":null",
                "\"content\":null,\"refusal\":\"I'm sorry, I cannot help with that.\"");
    }

    /** The model's structured answer for the Zanzibar email used in the tests. */
    public static String zanzibarAnswer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("classification", "new_travel_request");
        answer.put("client_name", field("Sarah Mitchell", 0.9, "Sarah Mitchell"));
        answer.put("email", field("sarah@example.com", 0.95, null));
        answer.put("phone", field(null, 0, null));
        answer.put("destinations", List.of(field("Zanzibar", 0.95, "zanzibar")));
        answer.put("origin", field("Johannesburg", 0.9, "flying from Johannesburg"));
        answer.put("check_in", field("2027-04-02", 0.9, "2-9 April 2027"));
        answer.put("check_out", field("2027-04-09", 0.9, "2-9 April 2027"));
        answer.put("month", field(null, 0, null));
        answer.put("nights", field(7, 0.85, null));
        answer.put("adults", field(2, 0.95, "2 adults"));
        answer.put("children", field(2, 0.95, "2 kids"));
        answer.put("children_ages", field(List.of(5, 9), 0.9, "aged 5 and 9"));
        answer.put("budget_amount", field("80000", 0.9, "R80 000"));
        answer.put("budget_currency", field("ZAR", 0.9, "R80 000"));
        answer.put("budget_per_person", field(false, 0.8, "in total"));
        answer.put("board_basis", field("AI", 0.9, "all-inclusive"));
        answer.put("stars", field(4, 0.9, "4-star"));
        answer.put("special_requests", field("close to the beach", 0.6, "close to the\n beach"));
        answer.put("quote_reference", field(null, 0, null));
        return JSON.writeValueAsString(answer);
    }

    private static Map<String, Object> field(Object value, double confidence, String source) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("value", value);
        field.put("confidence", confidence);
        field.put("source", source);
        return field;
    }

    /** The email the answer above belongs to. */
    public static EmailText zanzibarEmail() {
        return new EmailText("Sarah Mitchell <sarah@example.com>", "Zanzibar family holiday", """
                Hi there,

                We're looking at a family holiday to Zanzibar, flying from Johannesburg. Dates would be 2-9 April 2027.

                We are 2 adults and 2 kids aged 5 and 9. We'd like an all-inclusive 4-star resort close to the beach.
                Our budget is around R80 000 in total.

                Kind regards,
                Sarah Mitchell
                """, null, java.time.Instant.parse("2026-11-20T08:15:00Z"));
    }
}
