package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Each role against each kind of endpoint: member management and invitations are for owners and admins; every
 * role reads the member list and works records.
 */
@IdentityTest
class RoleMatrixTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    static boolean manages(Role role) {
        return role == Role.OWNER || role == Role.ADMIN;
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void roleAgainstEveryKindOfEndpoint(Role role) {
        String tenant = Fixtures.tenant();
        String caller = tokens.bearer(tenant, role);
        tokens.bearer(tenant, Role.OWNER);
        UUID target = tokens.member(tenant, Role.AGENT);
        HttpStatus managed = manages(role) ? HttpStatus.OK : HttpStatus.FORBIDDEN;

        assertThat(mvc.get().uri("/api/v1/test-probe/records").header("Authorization", caller)).as("records")
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/users").header("Authorization", caller)).as("list users").hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/users/{id}", target).header("Authorization", caller)).as("get user")
                .hasStatusOk();
        assertThat(mvc.patch()
                .uri("/api/v1/users/{id}", target)
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"consultant\"}")).as("patch user").hasStatus(managed);
        assertThat(mvc.get().uri("/api/v1/invitations").header("Authorization", caller)).as("list invitations")
                .hasStatus(managed);
        assertThat(mvc.post()
                .uri("/api/v1/invitations")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("email", Fixtures.email(), "role", "agent"))))
                .as("invite")
                .hasStatus(manages(role) ? HttpStatus.CREATED : HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/v1/users/{id}", target).header("Authorization", caller)).as("remove user")
                .hasStatus(manages(role) ? HttpStatus.NO_CONTENT : HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void forbiddenAnswersAreProblems(Role role) {
        if (manages(role)) {
            return;
        }
        assertThat(mvc.get().uri("/api/v1/invitations").header("Authorization", tokens.bearer(Fixtures.tenant(),
                role)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/forbidden");
    }
}
