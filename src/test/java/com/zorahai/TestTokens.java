package com.zorahai;

import com.zorahai.identity.Role;
import com.zorahai.identity.internal.AccessTokens;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.TenantId;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/**
 * Real bearer tokens for tests: {@code tokens.bearer("tenant-a", Role.ADMIN)} creates an active account with that
 * membership in the database and gives an {@code Authorization} header value with an access token the app signed,
 * exactly as a sign-in would.
 */
@TestComponent
public class TestTokens {

    private final Users users;
    private final Memberships memberships;
    private final AccountDirectory directory;
    private final AccessTokens accessTokens;

    public TestTokens(Users users, Memberships memberships, AccountDirectory directory, AccessTokens accessTokens) {
        this.users = users;
        this.memberships = memberships;
        this.directory = directory;
        this.accessTokens = accessTokens;
    }

    /** {@code Bearer ...} for a fresh user who is a member of {@code tenant} with {@code role}. */
    public String bearer(String tenant, Role role) {
        return "Bearer " + token(UUID.randomUUID(), tenant, role);
    }

    /** {@code Bearer ...} for an existing user, with no change to its memberships. */
    public String bearer(UUID user) {
        return "Bearer " + accessTokens.issue(users.find(user).orElseThrow());
    }

    /**
     * An access token of {@code user} (created when missing, with a verified email) after making it a member of
     * {@code tenant} with {@code role}. A user of several tenants acts for the oldest one unless the request names
     * another in {@code X-Tenant-ID}.
     */
    public String token(UUID user, String tenant, Role role) {
        UserAccount account = users.find(user)
                .orElseGet(() -> users.create(user, "user-" + user + "@example.com", "Test user", null, null, true));
        memberships.grant(TenantId.of(tenant), user, role);
        directory.evict(user);
        return accessTokens.issue(account);
    }

    /** Creates a member of {@code tenant} and returns its id. */
    public UUID member(String tenant, Role role) {
        UUID user = UUID.randomUUID();
        token(user, tenant, role);
        return user;
    }
}
