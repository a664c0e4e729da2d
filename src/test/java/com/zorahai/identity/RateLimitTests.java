package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Login, refresh, password reset and invitation accept allow 5 attempts a minute per address and per account.
 */
@IdentityTest
class RateLimitTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MeterRegistry meters;

    MvcTestResult post(String path, RequestPostProcessor address, Object body) {
        return mvc.post()
                .uri(path)
                .with(address)
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(body))
                .exchange();
    }

    static void assertLimited(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/rate-limited");
        assertThat(Long.parseLong(result.getResponse().getHeader("Retry-After"))).isBetween(1L, 3600L);
    }

    @Test
    void theSixthLoginFromOneAddressIsRefusedWithRetryAfter() {
        RequestPostProcessor address = Fixtures.newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/auth/login", address, Map.of("email", Fixtures.email(), "password",
                    "wrong-password-" + i))).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        var counter = meters.find("zorah.auth.login.failed").tag("reason", "rate-limited").counter();
        double before = counter == null ? 0 : counter.count();
        assertLimited(post("/api/v1/auth/login", address, Map.of("email", Fixtures.email(), "password", "x")));
        assertThat(meters.get("zorah.auth.login.failed").tag("reason", "rate-limited").counter().count())
                .isEqualTo(before + 1);
        // another address is not affected
        assertThat(post("/api/v1/auth/login", Fixtures.newAddress(), Map.of("email", Fixtures.email(), "password",
                "x"))).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theSixthLoginOnOneAccountIsRefusedFromAnyAddress() {
        String email = Fixtures.email();
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/auth/login", Fixtures.newAddress(), Map.of("email", email, "password",
                    "wrong-password"))).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertLimited(post("/api/v1/auth/login", Fixtures.newAddress(), Map.of("email", email.toUpperCase(),
                "password", "wrong-password")));
    }

    @Test
    void passwordResetRefreshAndInvitationAcceptAreLimitedToo() {
        for (String path : new String[]{"/api/v1/auth/password-reset", "/api/v1/auth/refresh",
                "/api/v1/invitations/accept", "/api/v1/auth/password-reset/confirm"}) {
            RequestPostProcessor address = Fixtures.newAddress();
            Map<String, Object> body = switch (path) {
                case "/api/v1/auth/password-reset" -> Map.of("email", Fixtures.email());
                case "/api/v1/auth/refresh" -> Map.of("refresh_token", "unknown-token");
                case "/api/v1/auth/password-reset/confirm" -> Map.of("token", "unknown-token", "password",
                        Fixtures.PASSWORD);
                default -> Map.of("token", "unknown-token", "name", "Someone", "password", Fixtures.PASSWORD);
            };
            for (int i = 0; i < 5; i++) {
                assertThat(post(path, address, body).getResponse().getStatus()).as(path).isNotEqualTo(429);
            }
            assertLimited(post(path, address, body));
        }
    }
}
