package com.zorahai.whatsapp.provider;

import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Maps a Cloud API error answer ({@code {"error":{"message","type","code","error_data":{"details"}}}}) to an
 * outcome. 131047 (re-engagement: the 24-hour window is closed) is refused for good and says so; throughput and
 * pair-rate limits (130429, 131056, 80007, HTTP 429) back off without counting against the provider's health; 5xx
 * are passing; other 4xx (bad parameters, 132000 template parameter mismatch, 190 expired token) are refused.
 */
public final class CloudApiErrors {

    /** The customer-service window is closed. */
    public static final int WINDOW_CLOSED = 131047;
    static final Set<Integer> THROTTLED = Set.of(130429, 131056, 80007, 4, 131048);
    static final Set<Integer> PASSING = Set.of(1, 2, 131000, 131016, 133004);

    private CloudApiErrors() {
    }

    /** The outcome of a non-2xx answer. */
    public static SendResult classify(int httpStatus, JsonNode body, Duration retryAfter) {
        JsonNode error = body == null ? null : body.get("error");
        Integer code = error == null ? null : integer(error.get("code"));
        String message = describe(httpStatus, error);
        if (code != null && code == WINDOW_CLOSED) {
            return new SendResult.Rejected(httpStatus, code, message, true);
        }
        if (code != null && THROTTLED.contains(code) || httpStatus == 429) {
            Duration wait = retryAfter;
            if (wait == null && code != null && code == 131056) {
                // one message per six seconds to the same customer
                wait = Duration.ofSeconds(6);
            }
            return new SendResult.Retryable(httpStatus, code, message, wait, true);
        }
        if (httpStatus >= 500 || httpStatus == 408 || code != null && PASSING.contains(code)) {
            return new SendResult.Retryable(httpStatus, code, message, retryAfter, false);
        }
        return new SendResult.Rejected(httpStatus, code, message, false);
    }

    private static String describe(int httpStatus, JsonNode error) {
        if (error == null) {
            return "HTTP " + httpStatus;
        }
        StringBuilder text = new StringBuilder();
        JsonNode code = error.get("code");
        if (code != null && !code.isNull()) {
            text.append(code.asString()).append(": ");
        }
        String message = CloudApiWebhooks.text(error, "message");
        if (message == null) {
            message = CloudApiWebhooks.text(error, "title");
        }
        text.append(message == null ? "HTTP " + httpStatus : message);
        String details = CloudApiWebhooks.text(error.get("error_data"), "details");
        if (details != null) {
            text.append(" (").append(details).append(')');
        }
        return CloudApiWebhooks.truncate(text.toString(), 480);
    }

    private static Integer integer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Integer.valueOf(node.asString().trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
