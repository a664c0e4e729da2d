package com.zorahai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestCorrelationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    MeterRegistry meters;

    @Test
    void saneIncomingRequestIdIsKept() {
        assertThat(mvc.get().uri("/health/live").header("X-Request-ID", "edge-7f3a:1.2_x-9")).hasHeader(
                "X-Request-ID", "edge-7f3a:1.2_x-9");
    }

    @Test
    void missingRequestIdIsGenerated() {
        MvcTestResult result = mvc.get().uri("/health/live").exchange();
        assertThat(result.getResponse().getHeader("X-Request-ID")).matches("[0-9a-f-]{36}");
    }

    @Test
    void insaneRequestIdsAreReplaced() {
        for (String insane : new String[]{"a".repeat(65), "two words", "<script>", "line\u0085break", ""}) {
            MvcTestResult result = mvc.get().uri("/health/live").header("X-Request-ID", insane).exchange();
            assertThat(result.getResponse().getHeader("X-Request-ID")).isNotEqualTo(insane).matches(
                    "[0-9a-f-]{36}");
        }
    }

    @Test
    void rejectedRequestsCarryRequestIdAndTiming() {
        MvcTestResult result = mvc.get().uri("/api/v1/anything").header("X-Request-ID", "denied-1").exchange();
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasHeader("X-Request-ID", "denied-1");
        assertThat(result.getResponse().getHeader("Server-Timing")).matches("app;dur=\\d+\\.\\d");
    }

    @Test
    void everyResponseHasServerTiming() {
        MvcTestResult result = mvc.get().uri("/health/ready").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Server-Timing")).matches("app;dur=\\d+\\.\\d");
    }

    @Test
    void largeResponsesGetTheTimingBeforeTheirBodyIsSent() {
        MvcTestResult result = mvc.get().uri("/swagger-ui/swagger-ui-bundle.js").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentAsByteArray().length).isGreaterThan(result.getResponse()
                .getBufferSize());
        assertThat(result.getResponse().getHeader("Server-Timing")).matches("app;dur=\\d+\\.\\d");
    }

    @Test
    void logLinesOfARequestCarryItsId(CapturedOutput output) {
        mvc.get().uri("/api/v1/test-problems/failure").header("Authorization", tokens.bearer("log-tenant",
                Role.AGENT)).header("X-Request-ID", "log-line-42").exchange();
        assertThat(output.getAll()).containsPattern("\\[zorah,log-line-42,[^]]*\\].*Unexpected error");
    }

    @Test
    void requestsAreTimedPerRoute() {
        mvc.get().uri("/health/live").exchange();
        assertThat(meters.find("http.server.requests").tag("uri", "/health/**").timer()).isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
    }
}
