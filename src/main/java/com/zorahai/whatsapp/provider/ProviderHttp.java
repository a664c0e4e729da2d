package com.zorahai.whatsapp.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client every provider adapter uses: JSON in and out with the API's own field names, a connect and a
 * request timeout on every call, no automatic retries (the outbox retries) and no exceptions for error answers.
 */
public final class ProviderHttp {

    /** Plain JSON: maps keep their keys, no naming strategy. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration requestTimeout;

    public ProviderHttp(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /** An answer: status, body and headers. */
    public record Response(int status, byte[] body, Map<String, java.util.List<String>> headers) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON; null when it is not JSON. */
        public JsonNode json() {
            if (body == null || body.length == 0) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (JacksonException ex) {
                return null;
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet()
                    .stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }

        /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
        public Duration retryAfter() {
            Optional<String> value = header("Retry-After");
            if (value.isEmpty()) {
                return null;
            }
            String text = value.get().trim();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
            } catch (NumberFormatException ex) {
                try {
                    Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(Instant.now(), at);
                    return wait.isNegative() ? Duration.ZERO : wait;
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }

    public Response postJson(URI uri, Map<String, String> headers, Object body) throws IOException {
        HttpRequest.Builder request = request(uri, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        return send(request.build());
    }

    public Response get(URI uri, Map<String, String> headers) throws IOException {
        return send(request(uri, headers).GET().build());
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }

    /** What went wrong with a call, for logs and the outbox: the kind of failure, never a URL with a secret. */
    public static String describe(Exception ex) {
        if (ex instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (ex instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return ex.getClass().getSimpleName();
    }
}
