package com.zorahai.helpdesk.web;

import static com.zorahai.helpdesk.web.HelpdeskApiTests.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The customers' endpoint: the tenant's public key, per-address limits, and what customers see. */
@IntegrationTest
class PublicHelpdeskTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Knowledge knowledge;

    String tenant;
    String key;

    @BeforeEach
    void setUp() {
        tenant = "pub-" + UUID.randomUUID().toString().substring(0, 8);
        knowledge.addQa(TenantId.of(tenant), NewQaPair.of("Do you have parking?",
                "Yes, free parking in the basement of the building.", List.of()));
        MvcTestResult rotated = mvc.post().uri("/api/v1/helpdesk/public-key:rotate").header("Authorization", tokens
                .bearer(tenant, Role.OWNER)).exchange();
        assertThat(rotated).hasStatusOk();
        assertThat(rotated.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        key = read(rotated, "$.public_key");
    }

    private MvcTestResult open(String key, String address) {
        var request = mvc.post().uri("/public/helpdesk/{tenant}/sessions", tenant).contentType(
                MediaType.APPLICATION_JSON).content("{\"message\": \"Is there parking?\"}").with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        if (key != null) {
            request = request.header("X-Helpdesk-Key", key);
        }
        return request.exchange();
    }

    @Test
    void withTheKeyACustomerGetsAnAnswerWithCitationsButNoCosts() throws Exception {
        MvcTestResult opened = open(key, "203.0.113.10");

        assertThat(opened).hasStatus(HttpStatus.CREATED);
        assertThat(read(opened, "$.answer.content").toString()).contains("free parking");
        assertThat(read(opened, "$.answer.citations[0].title").toString()).isEqualTo("Do you have parking?");
        assertThat(opened.getResponse().getContentAsString()).doesNotContain("prompt_tokens", "search_query",
                "latency_ms");
        String session = read(opened, "$.session.id");
        assertThat(read(opened, "$.session.channel").toString()).isEqualTo("public");

        MvcTestResult next = mvc.post().uri("/public/helpdesk/{tenant}/sessions/{id}/messages", tenant, session)
                .header("X-Helpdesk-Key", key).contentType(MediaType.APPLICATION_JSON).content(
                        "{\"content\": \"Do you sell gift cards?\"}")
                .exchange();
        assertThat(read(next, "$.answer.handover_offered").toString()).isEqualTo("true");
        MvcTestResult handover = mvc.post().uri("/public/helpdesk/{tenant}/sessions/{id}/handover", tenant, session)
                .header("X-Helpdesk-Key", key).contentType(MediaType.APPLICATION_JSON).content(
                        "{\"customer_name\": \"Sam\", \"customer_email\": \"sam@example.com\"}")
                .exchange();
        assertThat(read(handover, "$.session.status").toString()).isEqualTo("handed_over");
        MvcTestResult transcript = mvc.get().uri("/public/helpdesk/{tenant}/sessions/{id}", tenant, session).header(
                "X-Helpdesk-Key", key).exchange();
        assertThat(read(transcript, "$.messages.length()").toString()).isEqualTo("5");
    }

    @Test
    void aMissingWrongOrRotatedKeyIsRefused() {
        assertThat(open(null, "203.0.113.11")).hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult wrong = open("hdk_wrong", "203.0.113.11");
        assertThat(wrong).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(read(wrong, "$.type").toString()).endsWith("/invalid-public-key");

        mvc.post().uri("/api/v1/helpdesk/public-key:rotate").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)).exchange();
        assertThat(open(key, "203.0.113.11")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api/v1/helpdesk/public-key:rotate").header("Authorization", tokens.bearer(tenant,
                Role.AGENT))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anotherTenantsKeyOpensNothingHere() {
        String other = "pub-o-" + UUID.randomUUID().toString().substring(0, 6);
        String otherKey = read(mvc.post().uri("/api/v1/helpdesk/public-key:rotate").header("Authorization", tokens
                .bearer(other, Role.OWNER)).exchange(), "$.public_key");

        assertThat(open(otherKey, "203.0.113.12")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/public/helpdesk/NOT_A_TENANT/sessions").header("X-Helpdesk-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void oneAddressIsLimitedPerMinuteAndOthersAreNot() {
        for (int i = 0; i < 20; i++) {
            assertThat(mvc.get().uri("/public/helpdesk/{tenant}/sessions/{id}", tenant, UUID.randomUUID()).header(
                    "X-Helpdesk-Key", key).with(r -> {
                        r.setRemoteAddr("198.51.100.7");
                        return r;
                    })).hasStatus(HttpStatus.NOT_FOUND);
        }

        MvcTestResult limited = open(key, "198.51.100.7");

        assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(limited.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(read(limited, "$.type").toString()).endsWith("/rate-limited");
        // wrong keys count too: guessing is limited the same way
        assertThat(open("hdk_guess", "198.51.100.7")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(open(key, "198.51.100.8")).hasStatus(HttpStatus.CREATED);
    }
}
