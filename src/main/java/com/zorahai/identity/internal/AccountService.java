package com.zorahai.identity.internal;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The account flows behind {@code /api/v1/auth}: sign-in, refresh, sign-out, password reset, email verification and
 * the caller's own view. Whatever guesses or spends a secret is rate limited per address and per account.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final IdentityProvider provider;
    private final RateLimits rateLimits;
    private final LoginFailures failures;
    private final AccountDirectory directory;
    private final Users users;
    private final OneTimeTokens oneTimeTokens;
    private final RefreshTokens refreshTokens;
    private final Tenants tenants;
    private final Executor executor;

    AccountService(IdentityProvider provider, RateLimits rateLimits, LoginFailures failures,
            AccountDirectory directory, Users users, OneTimeTokens oneTimeTokens, RefreshTokens refreshTokens,
            Tenants tenants, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.provider = provider;
        this.rateLimits = rateLimits;
        this.failures = failures;
        this.directory = directory;
        this.users = users;
        this.oneTimeTokens = oneTimeTokens;
        this.refreshTokens = refreshTokens;
        this.tenants = tenants;
        this.executor = executor;
    }

    public String providerName() {
        return provider.name();
    }

    public TokenPair login(String email, String password, String address) {
        try {
            rateLimits.checkAddress("login", address);
            rateLimits.checkAccount("login", email);
        } catch (RateLimitExceeded ex) {
            failures.record("rate-limited", email, address);
            throw ex;
        }
        try {
            return provider.signIn(email.trim(), password);
        } catch (LoginFailed ex) {
            failures.record(ex.reason().tag(), email, address);
            throw ex;
        }
    }

    public TokenPair refresh(String refreshToken, String address) {
        rateLimits.checkAddress("refresh", address);
        if ("local".equals(provider.name())) {
            refreshTokens.ownerOf(refreshToken).ifPresent(user -> rateLimits.checkAccount("refresh", user.toString()));
        } else {
            rateLimits.checkAccount("refresh", SecretTokens.hash(refreshToken));
        }
        return provider.refresh(refreshToken);
    }

    public void logout(AuthenticatedUser user, String accessToken, String refreshToken) {
        provider.signOut(user.userId(), accessToken, refreshToken);
    }

    /**
     * Starts a password reset. The caller learns nothing about whether the account exists: the answer comes before
     * any lookup, and the lookup and the email happen in the background.
     */
    public void requestPasswordReset(String email, String address) {
        rateLimits.checkAddress("password-reset", address);
        rateLimits.checkAccount("password-reset", email);
        executor.execute(() -> {
            try {
                provider.sendPasswordReset(email.trim());
            } catch (RuntimeException ex) {
                log.error("Could not start a password reset", ex);
            }
        });
    }

    public void confirmPasswordReset(String token, String password, String address) {
        rateLimits.checkAddress("password-reset-confirm", address);
        rateLimits.checkAccount("password-reset-confirm", SecretTokens.hash(token));
        provider.resetPassword(token, password);
    }

    public void verifyEmail(String token, String address) {
        rateLimits.checkAddress("verify-email", address);
        UUID userId = oneTimeTokens.consume(token, OneTimeTokens.Purpose.EMAIL_VERIFICATION)
                .orElseThrow(() -> IdentityProblems.invalidToken("email verification"));
        users.markEmailVerified(userId);
        directory.evict(userId);
    }

    public Me me(AuthenticatedUser principal) {
        Account account = directory.find(principal.userId()).orElseThrow(IdentityProblems::notFound);
        List<Me.TenantRole> memberships = account.activeMemberships()
                .stream()
                .map(m -> new Me.TenantRole(m.tenantId().value(), tenantName(m.tenantId()), m.role()))
                .toList();
        UserAccount user = account.user();
        return new Me(new Me.User(user.id(), user.email(), user.name(), user.emailVerified()),
                principal.tenantId() == null ? null : principal.tenantId().value(), principal.role(), memberships,
                provider.name());
    }

    private String tenantName(TenantId id) {
        return tenants.find(id).map(Tenant::name).orElse(id.value());
    }

    /** The caller: the account, the tenant and role of this request, and every tenant it may act for. */
    public record Me(User user, String tenant, Role role, List<TenantRole> tenants, String provider) {

        public record User(UUID id, String email, String name, boolean emailVerified) {
        }

        public record TenantRole(String id, String name, Role role) {
        }
    }
}
