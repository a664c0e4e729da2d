package com.zorahai.telephony.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading VAPI server messages ({@code {"message":{...}}}). Decimals are read exactly (costs stay BigDecimal);
 * fields are looked up where VAPI documents them first, then where older integrations find them.
 */
public final class VapiPayloads {

    /** Reads payloads; floats become BigDecimal so costs never pass through {@code double}. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private VapiPayloads() {
    }

    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String value = node.isValueNode() ? node.asString() : node.toString();
        return value == null || value.isBlank() ? null : value;
    }

    /** The first of the paths (dot-separated, from {@code message}) that has a value. */
    public static String first(JsonNode message, String... paths) {
        for (String path : paths) {
            String value = text(at(message, path));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }

    /** The call's id: {@code message.call.id}. */
    public static String callId(JsonNode message) {
        return first(message, "call.id", "callId");
    }

    /** The other party's number: {@code message.customer.number}, else {@code message.call.customer.number}. */
    public static String customerNumber(JsonNode message) {
        return first(message, "customer.number", "call.customer.number");
    }

    /** {@code inbound}, {@code outbound} or {@code web}, from {@code call.type}. */
    public static String direction(JsonNode message) {
        String type = first(message, "call.type");
        if (type == null) {
            return "inbound";
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.contains("outbound")) {
            return "outbound";
        }
        if (lower.contains("web")) {
            return "web";
        }
        return "inbound";
    }

    public static Instant instant(JsonNode message, String... paths) {
        for (String path : paths) {
            JsonNode node = at(message, path);
            if (node.isNumber()) {
                // VAPI's message timestamps are milliseconds since the epoch
                return Instant.ofEpochMilli(node.asLong());
            }
            String value = text(node);
            if (value != null) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException ex) {
                    // try the next path
                }
            }
        }
        return null;
    }

    /** The report of an {@code end-of-call-report} message. */
    public static CallReport report(JsonNode message) {
        Instant started = instant(message, "startedAt", "call.startedAt");
        Instant ended = instant(message, "endedAt", "call.endedAt");
        Integer duration = null;
        JsonNode seconds = message.path("durationSeconds");
        if (seconds.isNumber()) {
            duration = seconds.decimalValue().setScale(0, RoundingMode.HALF_UP).intValue();
        } else if (started != null && ended != null && !ended.isBefore(started)) {
            duration = (int) Duration.between(started, ended).toSeconds();
        }
        JsonNode cost = message.path("cost").isMissingNode()
                ? message.path("call").path("cost")
                : message.path("cost");
        BigDecimal costUsd = cost.isNumber() ? cost.decimalValue() : null;
        JsonNode analysis = message.path("analysis");
        Map<String, Object> structured = null;
        JsonNode structuredNode = analysis.path("structuredData");
        if (structuredNode.isObject()) {
            structured = JSON.convertValue(structuredNode, Map.class);
        }
        String endedReason = first(message, "endedReason", "call.endedReason");
        Object declaredOutcome = structured == null ? null : structured.get("outcome");
        boolean doNotCall = structured != null && (Boolean.TRUE.equals(structured.get("do_not_call"))
                || Boolean.TRUE.equals(structured.get("doNotCall")));
        return new CallReport(callId(message), direction(message),
                first(message, "phoneNumber.id", "call.phoneNumberId"),
                first(message, "phoneNumber.number", "call.phoneNumber.number"), customerNumber(message),
                first(message, "call.assistantId", "assistant.id", "assistantId"), started, ended, duration,
                endedReason, CallOutcomes.of(endedReason, declaredOutcome), costUsd,
                first(message, "artifact.transcript", "transcript"), turns(message),
                first(message, "analysis.summary", "summary"), structured,
                first(message, "analysis.successEvaluation"),
                first(message, "artifact.recording.stereoUrl", "artifact.recording.mono.combinedUrl",
                        "artifact.recordingUrl", "artifact.stereoRecordingUrl", "recordingUrl",
                        "stereoRecordingUrl"),
                doNotCall);
    }

    /** Speaker turns from {@code artifact.messages} (or {@code messages}). */
    static List<CallReport.Turn> turns(JsonNode message) {
        JsonNode messages = message.path("artifact").path("messages");
        if (!messages.isArray()) {
            messages = message.path("messages");
        }
        List<CallReport.Turn> turns = new ArrayList<>();
        if (!messages.isArray()) {
            return turns;
        }
        for (JsonNode m : messages) {
            String role = text(m.path("role"));
            String said = text(m.path("message"));
            if (said == null) {
                said = text(m.path("content"));
            }
            if (role == null || said == null) {
                continue;
            }
            String speaker = switch (role.toLowerCase(Locale.ROOT)) {
                case "user", "customer" -> "customer";
                case "bot", "assistant" -> "assistant";
                // the system prompt and tool traffic are not something anyone said
                default -> null;
            };
            if (speaker == null) {
                continue;
            }
            JsonNode from = m.path("secondsFromStart");
            turns.add(new CallReport.Turn(speaker, said, from.isNumber() ? from.decimalValue() : null));
        }
        return turns;
    }

    /** A final line of a {@code transcript} message, for the live transcript. */
    public static Map<String, Object> liveLine(JsonNode message) {
        Map<String, Object> line = new LinkedHashMap<>();
        String role = first(message, "role");
        line.put("speaker", role != null && role.toLowerCase(Locale.ROOT).startsWith("user")
                ? "customer"
                : "assistant");
        line.put("text", first(message, "transcript"));
        Instant at = instant(message, "timestamp");
        line.put("at", at == null ? null : at.toString());
        return line;
    }
}
