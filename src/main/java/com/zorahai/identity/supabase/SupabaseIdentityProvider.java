package com.zorahai.identity.supabase;

import com.zorahai.identity.internal.Account;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.IdentityProblems;
import com.zorahai.identity.internal.IdentityProvider;
import com.zorahai.identity.internal.LoginFailed;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.TokenPair;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.platform.ProblemException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Supabase Auth owns passwords and sessions; we keep a {@code users} row per Supabase user (made on first sight,
 * linked by email to an existing account) for memberships, roles and the active flag.
 */
class SupabaseIdentityProvider implements IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(SupabaseIdentityProvider.class);

    private final GoTrueClient goTrue;
    private final Users users;
    private final AccountDirectory directory;
    private final Passwords passwords;
    private final String resetRedirect;

    SupabaseIdentityProvider(GoTrueClient goTrue, Users users, AccountDirectory directory, Passwords passwords,
            String baseUrl) {
        this.goTrue = goTrue;
        this.users = users;
        this.directory = directory;
        this.passwords = passwords;
        this.resetRedirect = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + "/reset-password";
    }

    @Override
    public String name() {
        return "supabase";
    }

    @Override
    public TokenPair signIn(String email, String password) {
        GoTrueClient.Session session;
        try {
            session = goTrue.passwordGrant(email, password);
        } catch (HttpClientErrorException ex) {
            throw new LoginFailed(LoginFailed.Reason.BAD_PASSWORD);
        } catch (RestClientException ex) {
            log.warn("Supabase Auth did not answer a sign-in: {}", ex.getClass().getSimpleName());
            throw new LoginFailed(LoginFailed.Reason.PROVIDER_ERROR);
        }
        UserAccount user = provision(session.user());
        if (isDeactivated(user)) {
            throw new LoginFailed(LoginFailed.Reason.DEACTIVATED);
        }
        return pair(user, session);
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        GoTrueClient.Session session;
        try {
            session = goTrue.refreshGrant(refreshToken);
        } catch (HttpClientErrorException ex) {
            throw IdentityProblems.invalidRefreshToken();
        } catch (RestClientException ex) {
            throw unavailable(ex);
        }
        UserAccount user = provision(session.user());
        if (isDeactivated(user)) {
            throw IdentityProblems.invalidRefreshToken();
        }
        return pair(user, session);
    }

    @Override
    public void signOut(UUID userId, String accessToken, String refreshToken) {
        try {
            goTrue.logout(accessToken, refreshToken == null || refreshToken.isBlank());
        } catch (HttpClientErrorException ex) {
            // the session is already gone
        } catch (RestClientException ex) {
            throw unavailable(ex);
        }
    }

    @Override
    public void sendPasswordReset(String email) {
        try {
            goTrue.recover(email, resetRedirect);
        } catch (RestClientException ex) {
            log.warn("Supabase Auth refused or missed a recovery request: {}", ex.getClass().getSimpleName());
        }
    }

    /** {@code token} is the access token of the recovery session Supabase's email link opens. */
    @Override
    public void resetPassword(String token, String newPassword) {
        passwords.requireStrong(newPassword, null);
        try {
            goTrue.updatePassword(token, newPassword);
        } catch (HttpClientErrorException ex) {
            throw IdentityProblems.invalidToken("password reset");
        } catch (RestClientException ex) {
            throw unavailable(ex);
        }
    }

    @Override
    public UserAccount createAccount(String email, String name, String password, boolean emailVerified) {
        passwords.requireStrong(password, email);
        GoTrueClient.User created;
        try {
            created = goTrue.createUser(email, password, name, true);
        } catch (HttpClientErrorException ex) {
            if (ex.getStatusCode().value() == 422 || ex.getStatusCode().value() == 409) {
                throw IdentityProblems.emailTaken();
            }
            throw unavailable(ex);
        } catch (RestClientException ex) {
            throw unavailable(ex);
        }
        // whether the address is proven is tracked on our side (registration asks to verify it)
        UserAccount user = users.findBySupabaseId(created.id())
                .orElseGet(() -> users.create(created.id(), email, name, null, created.id(), emailVerified));
        return users.find(user.id()).orElseThrow();
    }

    @Override
    public Optional<UserAccount> accountFor(Jwt jwt) {
        UUID subject;
        try {
            subject = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        Optional<UserAccount> known = users.findBySupabaseId(subject);
        if (known.isPresent()) {
            return known;
        }
        // first sight: ask Supabase who this is (the account may be gone or banned since the token was issued)
        try {
            GoTrueClient.User user = goTrue.user(jwt.getTokenValue());
            if (user == null || !subject.equals(user.id())) {
                return Optional.empty();
            }
            return Optional.of(provision(user));
        } catch (RestClientException ex) {
            log.warn("Supabase Auth did not confirm a new user: {}", ex.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Our account of a Supabase user: by its id, else by email (then linked), else created. */
    UserAccount provision(GoTrueClient.User user) {
        Optional<UserAccount> known = users.findBySupabaseId(user.id());
        if (known.isPresent()) {
            return known.get();
        }
        Optional<UserAccount> byEmail = user.email() == null ? Optional.empty() : users.findByEmail(user.email());
        if (byEmail.isPresent()) {
            users.linkSupabase(byEmail.get().id(), user.id());
            directory.evict(byEmail.get().id());
            return users.find(byEmail.get().id()).orElseThrow();
        }
        try {
            return users.create(user.id(), user.email() == null ? user.id() + "@users.supabase" : user.email(),
                    user.name(), null, user.id(), user.emailConfirmedAt() != null);
        } catch (DuplicateKeyException ex) {
            // a concurrent request provisioned it first
            return users.findBySupabaseId(user.id()).orElseThrow(() -> ex);
        }
    }

    private boolean isDeactivated(UserAccount user) {
        directory.evict(user.id());
        return directory.find(user.id()).map(Account::deactivated).orElse(true);
    }

    private static TokenPair pair(UserAccount user, GoTrueClient.Session session) {
        return new TokenPair(user.id(), session.accessToken(), session.expiresIn(), session.refreshToken());
    }

    private static ProblemException unavailable(RestClientException ex) {
        log.warn("Supabase Auth call failed: {}", ex.getClass().getSimpleName());
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                "Identity provider unavailable", "Supabase Auth did not answer. Try again shortly.");
    }
}
