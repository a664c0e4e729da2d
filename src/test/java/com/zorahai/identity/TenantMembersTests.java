package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The read-only list of a tenant's members other modules use: active members only, of the roles asked for. */
@IntegrationTest
class TenantMembersTests {

    @Autowired
    TenantMembers members;

    @Autowired
    TestTokens tokens;

    @Autowired
    Memberships memberships;

    @Autowired
    Users users;

    @Test
    void listsTheActiveMembersOfTheRolesAskedFor() {
        String tenant = "tm-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId id = TenantId.of(tenant);
        UUID owner = tokens.member(tenant, Role.OWNER);
        UUID admin = tokens.member(tenant, Role.ADMIN);
        UUID consultant = tokens.member(tenant, Role.CONSULTANT);
        UUID suspended = tokens.member(tenant, Role.ADMIN);
        memberships.update(id, suspended, Role.ADMIN, false);
        UUID disabled = tokens.member(tenant, Role.ADMIN);
        users.setActive(disabled, false);
        tokens.member("tm-other-" + UUID.randomUUID().toString().substring(0, 8), Role.OWNER);

        assertThat(members.withRoles(id, Set.of(Role.OWNER, Role.ADMIN)))
                .extracting(TenantMembers.Member::userId).containsExactly(owner, admin);
        assertThat(members.withRoles(id, Set.of(Role.CONSULTANT))).singleElement().satisfies(m -> {
            assertThat(m.email()).isEqualTo("user-" + consultant + "@example.com");
            assertThat(m.role()).isEqualTo(Role.CONSULTANT);
        });
        assertThat(members.withRoles(id, List.of())).isEmpty();
        assertThat(members.find(id, consultant)).map(TenantMembers.Member::name).hasValue("Test user");
        assertThat(members.find(id, suspended)).isEmpty();
        assertThat(members.find(id, disabled)).isEmpty();
        assertThat(members.find(TenantId.of("tm-nobody"), owner)).isEmpty();
        assertThat(members.find(id, null)).isEmpty();
    }
}
