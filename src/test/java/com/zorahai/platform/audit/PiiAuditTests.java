package com.zorahai.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.platform.RunningServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@RunningServerTest
class PiiAuditTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readOfAPiiRecordIsAudited() throws Exception {
        String tenant = "pii-" + UUID.randomUUID().toString().substring(0, 8);
        String requestId = "pii-read-" + UUID.randomUUID();
        UUID user = UUID.randomUUID();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/test-pii-records/r-17?q=secret"))
                .header("Authorization", "Bearer " + tokens.token(user, tenant, Role.CONSULTANT))
                .header("X-Request-ID", requestId)
                .GET());
        assertThat(response.statusCode()).isEqualTo(200);

        Map<String, Object> row = row(requestId);
        assertThat(row).containsEntry("tenant_id", tenant)
                .containsEntry("action", "read")
                .containsEntry("resource_type", "test-record")
                .containsEntry("resource_id", "r-17")
                .containsEntry("method", "GET")
                .containsEntry("path", "/api/v1/test-pii-records/r-17")
                .containsEntry("status", 200)
                .containsEntry("client_ip", "127.0.0.1");
        assertThat(row.get("actor")).asString().isNotBlank().doesNotContain("@");
        assertThat(row.get("occurred_at")).isNotNull();
    }

    @Test
    void changeIsAuditedWithTheForwardedClientAddress() throws Exception {
        String requestId = "pii-change-" + UUID.randomUUID();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/test-pii-records/r-18"))
                .header("Authorization", tokens.bearer("pii-tenant-b", Role.ADMIN))
                .header("X-Request-ID", requestId)
                .header("X-Forwarded-For", "198.51.100.23, 10.0.0.2")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Grace\"}")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(row(requestId)).containsEntry("action", "change")
                .containsEntry("method", "PUT")
                .containsEntry("resource_id", "r-18")
                .containsEntry("client_ip", "198.51.100.23");
    }

    @Test
    void missingRecordsAndListsAreAuditedToo() throws Exception {
        String missing = "pii-missing-" + UUID.randomUUID();
        String list = "pii-list-" + UUID.randomUUID();
        String bearer = tokens.bearer("pii-tenant-c", Role.AGENT);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/test-pii-records/missing-1"))
                .header("Authorization", bearer).header("X-Request-ID", missing).GET()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/test-pii-records"))
                .header("Authorization", bearer).header("X-Request-ID", list).GET()).statusCode()).isEqualTo(200);
        assertThat(row(missing)).containsEntry("status", 404).containsEntry("resource_id", "missing-1");
        assertThat(row(list)).containsEntry("status", 200).containsEntry("resource_id", null);
    }

    @Test
    void requestsTheSecurityChainRejectsAreNotAudited() throws Exception {
        String requestId = "pii-anonymous-" + UUID.randomUUID();
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/test-pii-records/r-1"))
                .header("X-Request-ID", requestId).GET()).statusCode()).isEqualTo(401);
        assertThat(count(requestId)).isZero();
    }

    @Test
    void otherPathsAreNotAudited() throws Exception {
        String requestId = "pii-other-" + UUID.randomUUID();
        send(HttpRequest.newBuilder(uri("/api/v1/test-problems/5"))
                .header("Authorization", tokens.bearer("pii-tenant-d", Role.AGENT))
                .header("X-Request-ID", requestId).GET());
        assertThat(count(requestId)).isZero();
    }

    private Map<String, Object> row(String requestId) {
        return jdbc.sql("select * from pii_audit where request_id = ?").param(requestId).query().singleRow();
    }

    private long count(String requestId) {
        return jdbc.sql("select count(*) from pii_audit where request_id = ?").param(requestId).query(Long.class)
                .single();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
