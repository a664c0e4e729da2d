package com.zorahai.identity;

import com.zorahai.email.OutboundEmail;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts, tenants, addresses and JSON for the identity tests; each call gives fresh ones, so tests never meet.
 */
final class Fixtures {

    static final String PASSWORD = "correct-horse-battery-staple";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Users users;
    private final Memberships memberships;
    private final Passwords passwords;
    private final AccountDirectory directory;

    Fixtures(Users users, Memberships memberships, Passwords passwords, AccountDirectory directory) {
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.directory = directory;
    }

    static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String email() {
        return "u-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** A client address of its own (from the IPv6 documentation range), so rate limits of tests never meet. */
    static RequestPostProcessor newAddress() {
        String address = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A local account with {@link #PASSWORD}, a member of {@code tenant} with {@code role}. */
    UserAccount account(String tenant, Role role) {
        return account(email(), PASSWORD, tenant, role);
    }

    UserAccount account(String email, String password, String tenant, Role role) {
        UserAccount user = users.create(UUID.randomUUID(), email, "Test " + email.substring(0, 6),
                passwords.hash(password), null, true);
        if (tenant != null) {
            memberships.grant(TenantId.of(tenant), user.id(), role);
        }
        directory.evict(user.id());
        return user;
    }

    /** A tenant as the registry would return it, with only id and name filled in. */
    static Tenant tenantRecord(String id, String name) {
        return new Tenant(TenantId.of(id), name, Currency.getInstance("EUR"), ZoneId.of("UTC"), Locale.ENGLISH,
                Set.of(), null, null, null, null, null, null, null, null, null, Tenant.Source.FILE);
    }

    /** The token in the link of an email, e.g. {@code https://app.example/reset-password?token=abc}. */
    static String tokenOf(OutboundEmail email) {
        String link = String.valueOf(email.model().get("link"));
        return URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    void grant(UserAccount user, String tenant, Role role) {
        memberships.grant(TenantId.of(tenant), user.id(), role);
        directory.evict(user.id());
    }
}
