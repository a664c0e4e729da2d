package com.zorahai.identity.internal;

import com.zorahai.identity.internal.RefreshTokens.Rotation;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts kept in PostgreSQL with BCrypt hashes; the app signs access tokens and rotates opaque refresh tokens.
 * Wired by {@link IdentityConfiguration} when Supabase is not configured.
 */
public class LocalIdentityProvider implements IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(LocalIdentityProvider.class);

    private final Users users;
    private final AccountDirectory directory;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final OneTimeTokens oneTimeTokens;
    private final AccountEmails emails;
    private final IdentityProperties properties;

    public LocalIdentityProvider(Users users, AccountDirectory directory, Passwords passwords,
            AccessTokens accessTokens, RefreshTokens refreshTokens, OneTimeTokens oneTimeTokens,
            AccountEmails emails, IdentityProperties properties) {
        this.users = users;
        this.directory = directory;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.oneTimeTokens = oneTimeTokens;
        this.emails = emails;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public TokenPair signIn(String email, String password) {
        Optional<UserAccount> found = users.findByEmail(email);
        boolean matches = passwords.matches(password, found.map(UserAccount::passwordHash).orElse(null));
        if (found.isEmpty()) {
            throw new LoginFailed(LoginFailed.Reason.UNKNOWN_ACCOUNT);
        }
        if (!matches) {
            throw new LoginFailed(LoginFailed.Reason.BAD_PASSWORD);
        }
        UserAccount user = found.get();
        directory.evict(user.id());
        if (directory.find(user.id()).map(Account::deactivated).orElse(true)) {
            throw new LoginFailed(LoginFailed.Reason.DEACTIVATED);
        }
        return pair(user, refreshTokens.issue(user.id()));
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        Rotation rotation = refreshTokens.rotate(refreshToken);
        if (!(rotation instanceof Rotation.Rotated rotated)) {
            throw IdentityProblems.invalidRefreshToken();
        }
        Optional<Account> account = directory.find(rotated.userId());
        if (account.isEmpty() || account.get().deactivated()) {
            refreshTokens.revokeAll(rotated.userId());
            throw IdentityProblems.invalidRefreshToken();
        }
        return pair(account.get().user(), rotated.next());
    }

    @Override
    public void signOut(UUID userId, String accessToken, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            refreshTokens.revokeAll(userId);
        } else if (!refreshTokens.revokeFamilyOf(refreshToken, userId)) {
            throw IdentityProblems.invalidRefreshToken();
        }
    }

    @Override
    public void sendPasswordReset(String email) {
        Optional<Account> account = users.findByEmail(email).flatMap(u -> directory.find(u.id()));
        if (account.isEmpty() || account.get().deactivated()) {
            return;
        }
        Account found = account.get();
        var tenant = found.defaultMembership().map(Membership::tenantId);
        if (tenant.isEmpty()) {
            log.info("No password reset sent: the account belongs to no tenant to send it for");
            return;
        }
        OneTimeTokens.Issued token = oneTimeTokens.issue(found.user().id(), OneTimeTokens.Purpose.PASSWORD_RESET,
                properties.passwordResetTtl());
        emails.passwordReset(found.user(), tenant.get(), token);
    }

    @Override
    @Transactional
    public void resetPassword(String token, String newPassword) {
        UUID userId = oneTimeTokens.consume(token, OneTimeTokens.Purpose.PASSWORD_RESET)
                .orElseThrow(() -> IdentityProblems.invalidToken("password reset"));
        UserAccount user = users.find(userId).orElseThrow(() -> IdentityProblems.invalidToken("password reset"));
        passwords.requireStrong(newPassword, user.email());
        users.updatePassword(userId, passwords.hash(newPassword));
        // whoever held a session with the old password loses it
        refreshTokens.revokeAll(userId);
        // the link went to the mailbox, so the address is proven
        users.markEmailVerified(userId);
        directory.evict(userId);
    }

    @Override
    public UserAccount createAccount(String email, String name, String password, boolean emailVerified) {
        passwords.requireStrong(password, email);
        return users.create(UUID.randomUUID(), email, name, passwords.hash(password), null, emailVerified);
    }

    @Override
    public Optional<UserAccount> accountFor(Jwt jwt) {
        try {
            return users.find(UUID.fromString(jwt.getSubject()));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private TokenPair pair(UserAccount user, String refreshToken) {
        return new TokenPair(user.id(), accessTokens.issue(user), accessTokens.ttl().toSeconds(), refreshToken);
    }
}
