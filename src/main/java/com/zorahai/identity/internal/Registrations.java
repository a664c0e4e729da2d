package com.zorahai.identity.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.identity.Role;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service sign-up ({@code REGISTRATION_ENABLED}): a new tenant in the database, with the caller as its owner.
 * The tenant id comes from the organisation's name; the features from its kind.
 */
@Service
public class Registrations {

    static final int MAX_SLUG = 40;

    private final IdentityProperties properties;
    private final Tenants tenants;
    private final Users users;
    private final Memberships memberships;
    private final IdentityProvider provider;
    private final OneTimeTokens oneTimeTokens;
    private final AccountEmails emails;
    private final AccountDirectory directory;
    private final RateLimits rateLimits;

    Registrations(IdentityProperties properties, Tenants tenants, Users users, Memberships memberships,
            IdentityProvider provider, OneTimeTokens oneTimeTokens, AccountEmails emails, AccountDirectory directory,
            RateLimits rateLimits) {
        this.properties = properties;
        this.tenants = tenants;
        this.users = users;
        this.memberships = memberships;
        this.provider = provider;
        this.oneTimeTokens = oneTimeTokens;
        this.emails = emails;
        this.directory = directory;
        this.rateLimits = rateLimits;
    }

    /** The kind of business a tenant runs, which decides its features. */
    public enum Kind {
        TRAVEL(EnumSet.of(Tenant.Feature.CRM, Tenant.Feature.QUOTES, Tenant.Feature.INVOICES,
                Tenant.Feature.EMAIL_INTAKE, Tenant.Feature.HELPDESK, Tenant.Feature.ANALYTICS)), CLINIC(
                        EnumSet.of(Tenant.Feature.WHATSAPP, Tenant.Feature.BOOKING, Tenant.Feature.HELPDESK,
                                Tenant.Feature.ANALYTICS));

        private final Set<Tenant.Feature> features;

        Kind(Set<Tenant.Feature> features) {
            this.features = features;
        }

        public Set<Tenant.Feature> features() {
            return Set.copyOf(features);
        }

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String value) {
            return Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** What the sign-up form sends; email, name and password are left out by a signed-in caller. */
    public record Registration(String organization, Kind kind, String email, String name, String password) {
    }

    /** The tenant created and the owner's tokens (none when the caller was already signed in). */
    public record Registered(TenantId tenant, TokenPair tokens) {
    }

    public boolean enabled() {
        return properties.registrationEnabled();
    }

    @Transactional
    public Registered register(Registration registration, AuthenticatedUser caller, String address) {
        if (!enabled()) {
            throw IdentityProblems.notFound();
        }
        rateLimits.checkAddress("register", address);
        UserAccount owner;
        boolean newAccount = caller == null;
        if (newAccount) {
            require(registration.email(), "email");
            require(registration.name(), "name");
            require(registration.password(), "password");
            rateLimits.checkAccount("register", registration.email());
            if (users.findByEmail(registration.email()).isPresent()) {
                throw IdentityProblems.emailTaken();
            }
            owner = provider.createAccount(registration.email().trim(), registration.name().trim(),
                    registration.password(), false);
        } else {
            owner = users.find(caller.userId()).orElseThrow(IdentityProblems::notFound);
        }
        TenantId tenant = createTenant(registration.organization().trim(), registration.kind());
        memberships.grant(tenant, owner.id(), Role.OWNER);
        directory.evict(owner.id());
        if (!owner.emailVerified()) {
            OneTimeTokens.Issued token = oneTimeTokens.issue(owner.id(), OneTimeTokens.Purpose.EMAIL_VERIFICATION,
                    properties.emailVerificationTtl());
            emails.verification(owner, tenant, token);
        }
        TokenPair tokens = newAccount ? provider.signIn(owner.email(), registration.password()) : null;
        return new Registered(tenant, tokens);
    }

    private TenantId createTenant(String organization, Kind kind) {
        String base = slug(organization);
        for (int attempt = 1; attempt <= 50; attempt++) {
            String candidate = attempt == 1 ? base : base + "-" + attempt;
            if (!TenantId.isValid(candidate)) {
                continue;
            }
            TenantId id = TenantId.of(candidate);
            if (tenants.find(id).isPresent()) {
                continue;
            }
            try {
                return tenants.create(new NewTenant(id, organization, kind.features())).id();
            } catch (ProblemException ex) {
                if (ex.status() != HttpStatus.CONFLICT) {
                    throw ex;
                }
                // taken meanwhile: try the next suffix
            }
        }
        throw ProblemException.of(HttpStatus.CONFLICT, "tenant-exists", "Tenant exists",
                "Choose a more distinctive organisation name.")
                .with("errors", java.util.List.of(java.util.Map.of("field", "organization", "reason",
                        "is taken")));
    }

    /** {@code "Café Côte d'Azur Travel"} becomes {@code cafe-cote-d-azur-travel}. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        if (slug.length() < 2) {
            slug = "org-" + SecretTokens.hash(name).substring(0, 6);
        }
        return slug;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "must not be blank");
        }
    }
}
