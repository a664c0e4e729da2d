package com.zorahai.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.zorahai.platform.Correlation;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

class PiiAuditFilterTests {

    private final List<PiiAccess> written = new ArrayList<>();
    private final PiiAuditFilter filter = new PiiAuditFilter(new PiiAuditProperties(true, null), new PiiAuditLog(
            null) {
        @Override
        void record(PiiAccess access) {
            written.add(access);
        }
    });

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    @Test
    void defaultsCoverThePiiResources() {
        assertThat(new PiiAuditProperties(false, List.of()).resources()).extracting(PiiAuditProperties.Resource::path)
                .containsExactly("/api/v1/clients", "/api/v1/invoices", "/api/v1/travelers", "/api/v1/calls",
                        "/api/v1/conversations", "/api/v1/users", "/api/v1/tickets", "/api/v1/whatsapp/conversations",
                        "/api/v1/appointments", "/api/v1/helpdesk/sessions", "/api/v1/intake/reviews",
                        "/api/v1/analytics/unanswered");
    }

    @Test
    void pathsResolveToResourceAndRecord() {
        assertThat(filter.match("/api/v1/clients")).contains(new PiiAuditFilter.Target("client", null));
        assertThat(filter.match("/api/v1/clients/")).contains(new PiiAuditFilter.Target("client", null));
        assertThat(filter.match("/api/v1/clients/42")).contains(new PiiAuditFilter.Target("client", "42"));
        assertThat(filter.match("/api/v1/invoices/inv-7/lines/3")).contains(new PiiAuditFilter.Target("invoice",
                "inv-7"));
        assertThat(filter.match("/api/v1/clientsx/1")).isEmpty();
        assertThat(filter.match("/api/v1/quotes/1")).isEmpty();
        assertThat(filter.match("/health")).isEmpty();
    }

    @Test
    void readOfARecordIsWrittenWithEverything() throws Exception {
        MDC.put(Correlation.TENANT_ID, "acme-travel");
        MDC.put(Correlation.REQUEST_ID, "req-1");
        SecurityContextHolder.getContext().setAuthentication(jwtAuthentication("user-7"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/travelers/t-9");
        request.setQueryString("email=ada@example.com");
        request.setRemoteAddr("203.0.113.9");

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(written).containsExactly(new PiiAccess("acme-travel", "user-7", "read", "traveler", "t-9", "GET",
                "/api/v1/travelers/t-9", 200, "203.0.113.9", "req-1"));
    }

    @Test
    void changesAreWrittenWithTheirStatus() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("PATCH", "/api/v1/clients/5"), response, new MockFilterChain(
                new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
                        res.setStatus(404);
                    }
                }));
        assertThat(written).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("change");
            assertThat(access.status()).isEqualTo(404);
            assertThat(access.actor()).isNull();
        });
    }

    @Test
    void aFailingRequestIsWrittenAs500() {
        assertThatIllegalStateException().isThrownBy(() -> filter.doFilter(new MockHttpServletRequest("DELETE",
                "/api/v1/calls/c1"), new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("boom");
                }));
        assertThat(written).singleElement().extracting(PiiAccess::status).isEqualTo(500);
    }

    @Test
    void otherPathsAndPreflightsAreNotWritten() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/quotes/1"), new MockHttpServletResponse(),
                new MockFilterChain());
        filter.doFilter(new MockHttpServletRequest("OPTIONS", "/api/v1/clients/1"), new MockHttpServletResponse(),
                new MockFilterChain());
        assertThat(written).isEmpty();
    }

    @Test
    void anAuditFailureDoesNotFailTheRequest() throws Exception {
        PiiAuditFilter failing = new PiiAuditFilter(new PiiAuditProperties(true, null), new PiiAuditLog(null) {
            @Override
            void record(PiiAccess access) {
                throw new IllegalStateException("database down");
            }
        });
        MockHttpServletResponse response = new MockHttpServletResponse();
        failing.doFilter(new MockHttpServletRequest("GET", "/api/v1/users/u1"), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void actorComesFromTheMdcFirst() {
        MDC.put(Correlation.USER_ID, "mdc-user");
        SecurityContextHolder.getContext().setAuthentication(jwtAuthentication("token-user"));
        assertThat(PiiAuditFilter.actor()).isEqualTo("mdc-user");
    }

    @Test
    void actorFromTheAuthenticationNeverUsesToString() {
        record Person(String email) {
        }
        var token = new PreAuthenticatedAuthenticationToken(new Person("ada@example.com"), jwt("subject-1"),
                AuthorityUtils.createAuthorityList("ROLE_AGENT"));
        SecurityContextHolder.getContext().setAuthentication(token);
        assertThat(PiiAuditFilter.actor()).isEqualTo("subject-1");

        SecurityContextHolder.getContext().setAuthentication(new PreAuthenticatedAuthenticationToken(new Person(
                "ada@example.com"), null, AuthorityUtils.createAuthorityList("ROLE_AGENT")));
        assertThat(PiiAuditFilter.actor()).isNull();

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "alice", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        assertThat(PiiAuditFilter.actor()).isEqualTo("alice");

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(PiiAuditFilter.actor()).isNull();
    }

    private static JwtAuthenticationToken jwtAuthentication(String subject) {
        return new JwtAuthenticationToken(jwt(subject), AuthorityUtils.createAuthorityList("ROLE_AGENT"));
    }

    private static Jwt jwt(String subject) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "HS256"), Map.of("sub",
                subject));
    }
}
