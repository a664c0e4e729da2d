package com.zorahai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.platform.FailingFilterConfiguration;
import com.zorahai.platform.RunningServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RunningServerTest
class ErrorPageTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    JsonMapper json;

    @Test
    void aFilterFailureIsA500ProblemWithoutInternals() throws Exception {
        HttpResponse<String> response = get(FailingFilterConfiguration.PATH, "text/html", "filter-fail-1");
        assertProblem(response, 500, "internal-error", "filter-fail-1");
        assertThat(response.body()).doesNotContain("secret-token", "IllegalStateException", "at com.",
                "Whitelabel", "<html");
    }

    @Test
    void theErrorPathCalledDirectlyIsA404Problem() throws Exception {
        assertProblem(get("/error", "*/*", "direct-error-1"), 404, "not-found", "direct-error-1");
    }

    @Test
    void unknownPathsAnswerProblemsEvenToBrowsers() throws Exception {
        assertProblem(get("/public/nothing-here", "text/html", "browser-404"), 404, "not-found", "browser-404");
    }

    @Test
    void unauthenticatedOnTheWireHasRequestIdAndTiming() throws Exception {
        HttpResponse<String> response = get("/api/v1/test-problems/1", "application/json", "wire-401");
        assertProblem(response, 401, "unauthorized", "wire-401");
        assertThat(response.headers().firstValue("Server-Timing")).hasValueSatisfying(v -> assertThat(v).matches(
                "app;dur=\\d+\\.\\d"));
    }

    @Test
    void unexpectedFailureOnTheWireHasRequestIdAndTiming() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/test-problems/failure"))
                .header("Authorization", tokens.bearer("wire-tenant", Role.AGENT))
                .header("X-Request-ID", "wire-500")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 500, "internal-error", "wire-500");
        assertThat(response.body()).doesNotContain("hunter2");
        assertThat(response.headers().firstValue("Server-Timing")).isPresent();
    }

    @Test
    void healthOnTheWireHasTiming() throws Exception {
        HttpResponse<String> response = get("/health/live", "application/json", "wire-live");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-ID")).contains("wire-live");
        assertThat(response.headers().firstValue("Server-Timing")).isPresent();
    }

    private void assertProblem(HttpResponse<String> response, int status, String type, String requestId) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-ID")).contains(requestId);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo("https://zorahai.com/problems/" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("request_id").asString()).isEqualTo(requestId);
        assertThat(body.has("trace")).isFalse();
        assertThat(body.has("exception")).isFalse();
    }

    private HttpResponse<String> get(String path, String accept, String requestId) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).header("X-Request-ID", requestId)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
