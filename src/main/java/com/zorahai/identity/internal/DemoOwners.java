package com.zorahai.identity.internal;

import com.zorahai.identity.Role;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On start, gives each demo tenant ({@code demo-*}) that has no owner yet an owner account
 * {@code owner@<tenant>.local}, so a fresh install can be signed into at once. The password is
 * {@code ZORAH_DEMO_PASSWORD}, or generated and printed once: the one secret this app ever logs, on purpose.
 */
@Component
public class DemoOwners {

    private static final Logger log = LoggerFactory.getLogger(DemoOwners.class);

    private final IdentityProperties properties;
    private final Tenants tenants;
    private final Users users;
    private final Memberships memberships;
    private final Passwords passwords;
    private final IdentityProvider provider;
    private final AccountDirectory directory;

    DemoOwners(IdentityProperties properties, Tenants tenants, Users users, Memberships memberships,
            Passwords passwords, IdentityProvider provider, AccountDirectory directory) {
        this.properties = properties;
        this.tenants = tenants;
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.provider = provider;
        this.directory = directory;
    }

    /** A demo owner created by a run, with the password when it was generated (null when configured). */
    public record Seeded(String tenant, String email, String generatedPassword) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!properties.seedDemoOwners()) {
            return;
        }
        try {
            seed();
        } catch (RuntimeException ex) {
            log.error("Could not create the demo owners (set zorah.identity.seed-demo-owners=false to skip)", ex);
        }
    }

    @Transactional
    public List<Seeded> seed() {
        String configured = properties.demoPassword();
        boolean generate = configured == null || configured.isBlank();
        if (!generate) {
            String weakness = passwords.weakness(configured, null);
            if (weakness != null) {
                log.error("ZORAH_DEMO_PASSWORD is refused: it {}. No demo owner created.", weakness);
                return List.of();
            }
        }
        List<Seeded> seeded = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            if (!tenant.id().value().startsWith("demo-") || memberships.hasOwner(tenant.id())) {
                continue;
            }
            String email = "owner@" + tenant.id().value() + ".local";
            String password = generate ? generatedPassword() : configured;
            Optional<UserAccount> existing = users.findByEmail(email);
            UserAccount owner = existing.orElseGet(() -> provider.createAccount(email, "Demo owner", password,
                    true));
            memberships.grant(tenant.id(), owner.id(), Role.OWNER);
            directory.evict(owner.id());
            if (existing.isPresent()) {
                log.info("Demo tenant {}: existing account {} is now its owner", tenant.id(), email);
                seeded.add(new Seeded(tenant.id().value(), email, null));
            } else if (generate) {
                log.warn("Demo tenant {}: created owner {} with GENERATED password {} -- shown only this once; "
                        + "set ZORAH_DEMO_PASSWORD to choose it", tenant.id(), email, password);
                seeded.add(new Seeded(tenant.id().value(), email, password));
            } else {
                log.info("Demo tenant {}: created owner {} with the password from ZORAH_DEMO_PASSWORD", tenant.id(),
                        email);
                seeded.add(new Seeded(tenant.id().value(), email, null));
            }
        }
        return seeded;
    }

    private static String generatedPassword() {
        // 24 URL-safe characters, about 144 bits
        return SecretTokens.generate().substring(0, 24);
    }
}
