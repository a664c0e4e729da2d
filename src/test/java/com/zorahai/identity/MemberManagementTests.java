package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IdentityTest
class MemberManagementTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    MvcTestResult patch(String caller, UUID target, String json) {
        return mvc.patch()
                .uri("/api/v1/users/{id}", target)
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    @Test
    void listShowsTheMembersOfTheCallersTenantOnly() {
        String tenant = Fixtures.tenant();
        UUID one = tokens.member(tenant, Role.OWNER);
        UUID two = tokens.member(tenant, Role.AGENT);
        tokens.member(Fixtures.tenant(), Role.AGENT);
        var body = assertThat(mvc.get().uri("/api/v1/users?size=1").header("Authorization", tokens.bearer(one)))
                .hasStatusOk()
                .bodyJson();
        body.extractingPath("$.total").isEqualTo(2);
        body.extractingPath("$.items[0].id").isEqualTo(one.toString());
        body.extractingPath("$.items[0].role").isEqualTo("owner");
        assertThat(mvc.get().uri("/api/v1/users?page=1&size=1").header("Authorization", tokens.bearer(one)))
                .bodyJson()
                .extractingPath("$.items[0].id")
                .isEqualTo(two.toString());
        assertThat(mvc.get().uri("/api/v1/users?size=1000").header("Authorization", tokens.bearer(one)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void adminChangesRolesAndDeactivatesMembers() {
        String tenant = Fixtures.tenant();
        tokens.member(tenant, Role.OWNER);
        String admin = tokens.bearer(tenant, Role.ADMIN);
        UUID agent = tokens.member(tenant, Role.AGENT);
        String agentToken = tokens.bearer(agent);
        var changed = assertThat(patch(admin, agent, "{\"role\":\"consultant\"}")).hasStatusOk().bodyJson();
        changed.extractingPath("$.role").isEqualTo("consultant");
        changed.extractingPath("$.active").isEqualTo(true);
        assertThat(patch(admin, agent, "{\"active\":false}")).hasStatusOk()
                .bodyJson()
                .extractingPath("$.active")
                .isEqualTo(false);
        // the member's only membership is off: its tokens no longer work
        assertThat(mvc.get().uri("/api/v1/test-probe/records").header("Authorization", agentToken))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(patch(admin, agent, "{\"active\":true}")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/test-probe/records").header("Authorization", agentToken)).hasStatusOk();
    }

    @Test
    void onlyOwnersMakeOrUnmakeOwners() {
        String tenant = Fixtures.tenant();
        UUID owner = tokens.member(tenant, Role.OWNER);
        String admin = tokens.bearer(tenant, Role.ADMIN);
        UUID agent = tokens.member(tenant, Role.AGENT);
        assertThat(patch(admin, agent, "{\"role\":\"owner\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(patch(admin, owner, "{\"role\":\"agent\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(patch(admin, owner, "{\"active\":false}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/v1/users/{id}", owner).header("Authorization", admin))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(patch(tokens.bearer(owner), agent, "{\"role\":\"owner\"}")).hasStatusOk();
    }

    @Test
    void theLastActiveOwnerStays() {
        String tenant = Fixtures.tenant();
        UUID owner = tokens.member(tenant, Role.OWNER);
        String token = tokens.bearer(owner);
        for (String change : new String[]{"{\"role\":\"admin\"}", "{\"active\":false}"}) {
            assertThat(patch(token, owner, change)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson()
                    .extractingPath("$.type")
                    .isEqualTo("https://zorahai.com/problems/last-owner");
        }
        assertThat(mvc.delete().uri("/api/v1/users/{id}", owner).header("Authorization", token))
                .hasStatus(HttpStatus.CONFLICT);
        UUID second = tokens.member(tenant, Role.OWNER);
        assertThat(patch(token, owner, "{\"role\":\"admin\"}")).hasStatusOk();
        assertThat(patch(tokens.bearer(second), second, "{\"role\":\"admin\"}")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void removingAMemberEndsItsAccessToTheTenant() {
        String tenant = Fixtures.tenant();
        String owner = tokens.bearer(tenant, Role.OWNER);
        UUID agent = tokens.member(tenant, Role.AGENT);
        String other = Fixtures.tenant();
        tokens.token(agent, other, Role.AGENT);
        assertThat(mvc.delete().uri("/api/v1/users/{id}", agent).header("Authorization", owner))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/users/{id}", agent).header("Authorization", owner))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                .uri("/api/v1/test-probe/records")
                .header("Authorization", tokens.bearer(agent))
                .header("X-Tenant-ID", tenant)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/test-probe/records").header("Authorization", tokens.bearer(agent)))
                .bodyJson()
                .extractingPath("$.tenant")
                .isEqualTo(other);
    }

    @Test
    void invalidChangesAreValidationProblems() {
        String tenant = Fixtures.tenant();
        String owner = tokens.bearer(tenant, Role.OWNER);
        UUID agent = tokens.member(tenant, Role.AGENT);
        assertThat(patch(owner, agent, "{\"role\":\"boss\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("role");
        assertThat(patch(owner, agent, "{\"colour\":\"red\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/users/not-a-uuid").header("Authorization", owner))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void membersOfOneTenantAreInvisibleToAnother() {
        String tenantA = Fixtures.tenant();
        tokens.member(tenantA, Role.OWNER);
        UUID agent = tokens.member(tenantA, Role.AGENT);
        TenantIsolation.of(mvc, tokens)
                .record("/api/v1/users/{id}", agent)
                .ownedBy(tenantA)
                .update(org.springframework.http.HttpMethod.PATCH, "{\"role\":\"consultant\"}")
                .assertInvisibleTo(Fixtures.tenant());
        TenantIsolation.of(mvc, tokens)
                .record("/api/v1/users/{id}", agent)
                .as(Role.OWNER)
                .assertInvisibleTo(Fixtures.tenant());
    }
}
