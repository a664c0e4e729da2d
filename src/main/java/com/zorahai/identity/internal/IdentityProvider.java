package com.zorahai.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Where accounts authenticate: local accounts in PostgreSQL, or Supabase Auth. Exactly one is active; memberships
 * and roles always live in our database.
 */
public interface IdentityProvider {

    /** {@code local} or {@code supabase}. */
    String name();

    /** Checks email and password and opens a session; throws {@link LoginFailed}. */
    TokenPair signIn(String email, String password);

    /** Exchanges a refresh token for a new pair; an {@code invalid-refresh-token} problem otherwise. */
    TokenPair refresh(String refreshToken);

    /**
     * Ends sessions: the family of {@code refreshToken} when given, else every session of the user.
     *
     * @param accessToken the bearer token of the request
     */
    void signOut(UUID userId, String accessToken, String refreshToken);

    /** Sends a password-reset link when an account with this email exists; silent otherwise. */
    void sendPasswordReset(String email);

    /** Sets a new password with a reset token; an {@code invalid-token} problem when the token is not valid. */
    void resetPassword(String token, String newPassword);

    /** Creates an account that signs in with this password and returns its id in {@code users}. */
    UserAccount createAccount(String email, String name, String password, boolean emailVerified);

    /** The account a verified token speaks for (created on first sight when the provider owns the accounts). */
    Optional<UserAccount> accountFor(Jwt jwt);
}
