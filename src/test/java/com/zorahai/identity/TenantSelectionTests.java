package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The tenant of a request comes from the caller's memberships; {@code X-Tenant-ID} may only pick one of them.
 */
@IdentityTest
class TenantSelectionTests {

    static final String PROBE = "/api/v1/test-probe/records";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Users users;

    @Autowired
    Memberships memberships;

    @Autowired
    Passwords passwords;

    @Autowired
    AccountDirectory directory;

    String tenantA;
    String tenantB;
    UUID user;

    @BeforeEach
    void setUp() {
        tenantA = Fixtures.tenant();
        tenantB = Fixtures.tenant();
        user = UUID.randomUUID();
        tokens.token(user, tenantA, Role.AGENT);
        tokens.token(user, tenantB, Role.ADMIN);
    }

    @Test
    void withoutHeaderTheOldestMembershipIsUsed() {
        var body = assertThat(mvc.get().uri(PROBE).header("Authorization", tokens.bearer(user))).hasStatusOk()
                .bodyJson();
        body.extractingPath("$.tenant").isEqualTo(tenantA);
        body.extractingPath("$.role").isEqualTo("agent");
    }

    @Test
    void headerPicksAnotherOfTheCallersTenantsWithItsRole() {
        var body = assertThat(mvc.get()
                .uri(PROBE)
                .header("Authorization", tokens.bearer(user))
                .header("X-Tenant-ID", tenantB)).hasStatusOk().bodyJson();
        body.extractingPath("$.tenant").isEqualTo(tenantB);
        body.extractingPath("$.role").isEqualTo("admin");
    }

    @Test
    void headerNamingATenantTheCallerIsNoMemberOfIsForbidden() {
        String stranger = Fixtures.tenant();
        tokens.bearer(stranger, Role.OWNER);
        for (String spoofed : new String[]{stranger, "no-such-tenant", "../etc", "DEMO", "a"}) {
            assertThat(mvc.get()
                    .uri(PROBE)
                    .header("Authorization", tokens.bearer(user))
                    .header("X-Tenant-ID", spoofed))
                    .as("X-Tenant-ID %s", spoofed)
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.type")
                    .isEqualTo("https://zorahai.com/problems/tenant-forbidden");
        }
    }

    @Test
    void aDeactivatedMembershipCannotBePicked() {
        memberships.update(TenantId.of(tenantB), user, Role.ADMIN, false);
        directory.evict(user);
        assertThat(mvc.get()
                .uri(PROBE)
                .header("Authorization", tokens.bearer(user))
                .header("X-Tenant-ID", tenantB)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(PROBE).header("Authorization", tokens.bearer(user))).hasStatusOk();
    }

    @Test
    void roleChangesApplyToTokensAlreadyIssued() {
        String token = tokens.bearer(user);
        memberships.update(TenantId.of(tenantA), user, Role.CONSULTANT, true);
        directory.evict(user);
        assertThat(mvc.get().uri(PROBE).header("Authorization", token)).hasStatusOk()
                .bodyJson()
                .extractingPath("$.role")
                .isEqualTo("consultant");
    }

    @Test
    void anAccountWithoutMembershipMayOnlyLookAtItself() {
        UserAccount loner = new Fixtures(users, memberships, passwords, directory).account(Fixtures.email(),
                Fixtures.PASSWORD, null, null);
        String token = tokens.bearer(loner.id());
        assertThat(mvc.get().uri(PROBE).header("Authorization", token)).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/no-membership");
        assertThat(mvc.get().uri("/api/v1/users").header("Authorization", token)).hasStatus(HttpStatus.FORBIDDEN);
        var me = assertThat(mvc.get().uri("/api/v1/auth/me").header("Authorization", token)).hasStatusOk()
                .bodyJson();
        me.extractingPath("$.tenant").isNull();
        me.extractingPath("$.tenants").asArray().isEmpty();
    }
}
