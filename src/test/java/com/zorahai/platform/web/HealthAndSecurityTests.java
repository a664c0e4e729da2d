package com.zorahai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class HealthAndSecurityTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Test
    void healthEndpointsAreUpWithoutAuthentication() {
        for (String path : new String[]{"/health", "/health/live", "/health/ready"}) {
            assertThat(mvc.get().uri(path)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void apiWithoutTokenAnswers401Problem() {
        assertThat(mvc.get().uri("/api/v1/emails")).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/unauthorized");
    }

    @Test
    void apiWithForgedTokenAnswers401() {
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwidGVuYW50X2lkIjoiZGVtby10cmF2ZWwifQ.";
        assertThat(mvc.get().uri("/api/v1/emails").header("Authorization", "Bearer " + forged))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void apiWithValidTokenPassesAuthentication() {
        assertThat(mvc.get().uri("/api/v1/no-such-endpoint").header("Authorization", tokens.bearer("tenant-a",
                Role.AGENT)))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void prometheusNeedsItsToken() {
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer wrong"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer test-metrics-token"))
                .hasStatusOk();
    }
}
