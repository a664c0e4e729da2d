package com.zorahai.telephony.vapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * VAPI's REST API ({@code Authorization: Bearer <VAPI_API_KEY>}). Bodies are built as maps with VAPI's camelCase
 * names, never through the application's snake_case JSON settings.
 */
public class VapiClient {

    private static final Logger log = LoggerFactory.getLogger(VapiClient.class);

    private final RestClient http;

    VapiClient(RestClient http) {
        this.http = http;
    }

    /** Imports a number bought through Twilio ({@code POST /phone-number}). */
    public VapiNumber importTwilioNumber(VapiNumberImport request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", "twilio");
        body.put("number", request.number());
        body.put("twilioAccountSid", request.twilioAccountSid());
        body.put("twilioAuthToken", request.twilioAuthToken());
        if (request.name() != null) {
            body.put("name", request.name());
        }
        if (request.assistantId() != null) {
            body.put("assistantId", request.assistantId());
        }
        body.put("server", server(request.serverUrl(), request.serverSecret(), request.timeoutSeconds()));
        // only voice goes through VAPI; leave the number's SMS URL alone
        body.put("smsEnabled", false);
        return number(call("import-number", () -> http.post()
                .uri("/phone-number")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class)));
    }

    /** Sets the number's assistant, or none ({@code null}: VAPI asks our webhook per call). */
    public VapiNumber assignAssistant(String phoneNumberId, String assistantId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assistantId", assistantId);
        return number(call("assign-assistant", () -> http.patch()
                .uri("/phone-number/{id}", phoneNumberId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class)));
    }

    /** Points the number at the webhook with the given secret. */
    public VapiNumber pointServer(String phoneNumberId, String serverUrl, String secret, int timeoutSeconds) {
        Map<String, Object> body = Map.of("server", server(serverUrl, secret, timeoutSeconds));
        return number(call("point-server", () -> http.patch()
                .uri("/phone-number/{id}", phoneNumberId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class)));
    }

    /** Removes the number from VAPI; one VAPI no longer has counts as removed. */
    public void deleteNumber(String phoneNumberId) {
        try {
            call("delete-number", () -> http.delete().uri("/phone-number/{id}", phoneNumberId).retrieve()
                    .toBodilessEntity());
        } catch (VapiFailure failure) {
            if (!failure.notFound()) {
                throw failure;
            }
        }
    }

    /** Every number of the VAPI organisation ({@code GET /phone-number}). */
    public List<VapiNumber> listNumbers() {
        JsonNode body = call("list-numbers", () -> http.get().uri("/phone-number?limit=1000").retrieve()
                .body(JsonNode.class));
        List<VapiNumber> numbers = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(node -> numbers.add(number(node)));
        } else if (body != null && body.path("results").isArray()) {
            body.path("results").forEach(node -> numbers.add(number(node)));
        }
        return numbers;
    }

    /** Places an outbound call ({@code POST /call}). */
    public VapiCall createCall(String assistantId, String phoneNumberId, String customerNumber,
            Map<String, Object> metadata) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assistantId", assistantId);
        body.put("phoneNumberId", phoneNumberId);
        body.put("customer", Map.of("number", customerNumber));
        if (metadata != null && !metadata.isEmpty()) {
            body.put("metadata", metadata);
        }
        return call(call("create-call", () -> http.post()
                .uri("/call")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class)));
    }

    /** The call as VAPI has it now ({@code GET /call/{id}}). */
    public VapiCall getCall(String callId) {
        return call(call("get-call", () -> http.get().uri("/call/{id}", callId).retrieve().body(JsonNode.class)));
    }

    private static Map<String, Object> server(String url, String secret, int timeoutSeconds) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("url", url);
        server.put("timeoutSeconds", timeoutSeconds);
        server.put("headers", Map.of("X-Vapi-Secret", secret));
        return server;
    }

    private static VapiNumber number(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new VapiFailure(null, "VAPI answered without a body", null);
        }
        String serverUrl = text(node.path("server").path("url"));
        return new VapiNumber(text(node.path("id")), text(node.path("number")), text(node.path("assistantId")),
                text(node.path("status")), serverUrl != null ? serverUrl : text(node.path("serverUrl")));
    }

    private static VapiCall call(JsonNode node) {
        if (node == null || node.isNull() || text(node.path("id")) == null) {
            throw new VapiFailure(null, "VAPI answered without a call id", null);
        }
        return new VapiCall(text(node.path("id")), text(node.path("status")), text(node.path("endedReason")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException ex) {
            log.warn("VAPI {} failed: HTTP {}", operation, ex.getStatusCode().value());
            throw new VapiFailure(ex.getStatusCode().value(), "VAPI refused the request", ex);
        } catch (ResourceAccessException ex) {
            log.warn("VAPI {} failed: VAPI could not be reached ({})", operation,
                    ex.getMostSpecificCause().getClass().getSimpleName());
            throw new VapiFailure(null, "VAPI could not be reached", ex);
        }
    }
}
