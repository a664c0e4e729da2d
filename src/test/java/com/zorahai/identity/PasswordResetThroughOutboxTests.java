package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.Users;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The password reset flow with nothing mocked: the real tenant registry renders the shipped template into the real
 * outbox (held, since no SendGrid key is configured), and the link in that email resets the password.
 */
@IntegrationTest
class PasswordResetThroughOutboxTests {

    private static final Pattern LINK_TOKEN = Pattern.compile("reset-password\\?token=([A-Za-z0-9_%.\\-]+)");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    Memberships memberships;

    @Autowired
    Passwords passwords;

    @Autowired
    AccountDirectory directory;

    @Test
    void theEmailedLinkResetsThePasswordAndTheOldOneStopsWorking() {
        Fixtures fixtures = new Fixtures(users, memberships, passwords, directory);
        String email = Fixtures.email();
        fixtures.account(email, Fixtures.PASSWORD, "demo-travel", Role.CONSULTANT);

        assertThat(mvc.post()
                .uri("/api/v1/auth/password-reset")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("email", email)))).hasStatus(HttpStatus.ACCEPTED);

        Map<String, Object> row = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select status, subject, html_body as html from outbound_emails
                where tenant_id = 'demo-travel' and :email = any(to_addresses)
                """).param("email", email).query().listOfRows().stream().findFirst(), Optional::isPresent).get();
        assertThat(row.get("status")).isIn("queued", "held");
        assertThat((String) row.get("html")).contains("Demo Travel");
        Matcher link = LINK_TOKEN.matcher((String) row.get("html"));
        assertThat(link.find()).as("reset link in the email").isTrue();
        String token = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);

        String newPassword = "a-brand-new-long-passphrase-42";
        assertThat(mvc.post()
                .uri("/api/v1/auth/password-reset/confirm")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("token", token, "password", newPassword))))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(login(email, newPassword)).isEqualTo(HttpStatus.OK.value());
        assertThat(login(email, Fixtures.PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED.value());
        // the token is single-use
        assertThat(mvc.post()
                .uri("/api/v1/auth/password-reset/confirm")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("token", token, "password", "yet-another-long-passphrase-7"))))
                .hasStatus4xxClientError();
    }

    private int login(String email, String password) {
        return mvc.post()
                .uri("/api/v1/auth/login")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("email", email, "password", password)))
                .exchange()
                .getResponse()
                .getStatus();
    }
}
