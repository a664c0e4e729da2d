package com.zorahai.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.zorahai.identity.IdentityTest;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IdentityTest
class DemoOwnersTests {

    @Autowired
    DemoOwners demoOwners;

    @Autowired
    Tenants tenants;

    @Autowired
    Users users;

    @Autowired
    Memberships memberships;

    @Autowired
    Passwords passwords;

    @Autowired
    IdentityProvider provider;

    @Autowired
    AccountDirectory directory;

    static Tenant tenant(String id) {
        return new Tenant(TenantId.of(id), id, Currency.getInstance("USD"), ZoneId.of("UTC"), Locale.ENGLISH,
                Set.of(), null, null, null, null, null, null, null, null, null, Tenant.Source.FILE);
    }

    @Test
    void eachDemoTenantWithoutOwnerGetsOneWithAGeneratedPasswordOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String demo = "demo-travel-" + suffix;
        String real = "acme-" + suffix;
        when(tenants.all()).thenReturn(List.of(tenant(demo), tenant(real)));

        List<DemoOwners.Seeded> seeded = demoOwners.seed();

        DemoOwners.Seeded owner = seeded.stream().filter(s -> s.tenant().equals(demo)).findFirst().orElseThrow();
        assertThat(owner.email()).isEqualTo("owner@" + demo + ".local");
        assertThat(owner.generatedPassword()).hasSize(24);
        assertThat(seeded).noneMatch(s -> s.tenant().equals(real));
        assertThat(provider.signIn(owner.email(), owner.generatedPassword()).accessToken()).isNotBlank();
        assertThat(memberships.find(TenantId.of(demo), provider.signIn(owner.email(), owner.generatedPassword())
                .userId())).get().extracting(Membership::role).isEqualTo(Role.OWNER);
        // a second start changes nothing
        assertThat(demoOwners.seed()).noneMatch(s -> s.tenant().equals(demo));
    }

    @Test
    void theConfiguredDemoPasswordIsUsedWhenStrongEnough() {
        String demo = "demo-clinic-" + UUID.randomUUID().toString().substring(0, 8);
        when(tenants.all()).thenReturn(List.of(tenant(demo)));
        IdentityProperties configured = new IdentityProperties(true, "demo-passphrase-for-everyone", false,
                PasswordsTests.properties(4).accessTokenTtl(), PasswordsTests.properties(4).refreshTokenTtl(),
                PasswordsTests.properties(4).passwordResetTtl(), PasswordsTests.properties(4).invitationTtl(),
                PasswordsTests.properties(4).emailVerificationTtl(), PasswordsTests.properties(4)
                        .membershipCacheTtl(),
                4, PasswordsTests.properties(4).rateLimits());
        DemoOwners seeder = new DemoOwners(configured, tenants, users, memberships, passwords, provider, directory);
        List<DemoOwners.Seeded> seeded = seeder.seed();
        assertThat(seeded).singleElement().satisfies(s -> assertThat(s.generatedPassword()).isNull());
        assertThat(provider.signIn("owner@" + demo + ".local", "demo-passphrase-for-everyone")).isNotNull();
    }

    @Test
    void aWeakConfiguredDemoPasswordCreatesNoOwner() {
        String demo = "demo-weak-" + UUID.randomUUID().toString().substring(0, 8);
        when(tenants.all()).thenReturn(List.of(tenant(demo)));
        IdentityProperties weak = new IdentityProperties(true, "demo", false, PasswordsTests.properties(4)
                .accessTokenTtl(), PasswordsTests.properties(4).refreshTokenTtl(),
                PasswordsTests.properties(4)
                        .passwordResetTtl(),
                PasswordsTests.properties(4).invitationTtl(), PasswordsTests
                        .properties(4)
                        .emailVerificationTtl(),
                PasswordsTests.properties(4).membershipCacheTtl(), 4,
                PasswordsTests.properties(4).rateLimits());
        assertThat(new DemoOwners(weak, tenants, users, memberships, passwords, provider, directory).seed())
                .isEmpty();
        assertThat(memberships.hasOwner(TenantId.of(demo))).isFalse();
    }

    @Test
    void startupSeedingIsOffInTests() {
        demoOwners.onStart();
    }
}
