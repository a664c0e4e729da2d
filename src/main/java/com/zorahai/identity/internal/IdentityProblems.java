package com.zorahai.identity.internal;

import com.zorahai.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The problems the identity module answers with.
 */
public final class IdentityProblems {

    private IdentityProblems() {
    }

    public static ProblemException invalidCredentials() {
        return ProblemException.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                "The email or the password is not correct.");
    }

    public static ProblemException invalidRefreshToken() {
        return ProblemException.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
                "The refresh token is unknown, expired, revoked or was already used. Sign in again.");
    }

    /** A link token (password reset, email verification) that is unknown, used or expired. */
    public static ProblemException invalidToken(String what) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "invalid-token", "Invalid token", "token",
                "is unknown, expired or already used", "The " + what + " link is unknown, expired or already used.");
    }

    public static ProblemException weakPassword(String reason) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "weak-password", "Weak password", "password", reason,
                "The password " + reason + ".");
    }

    public static ProblemException tenantForbidden() {
        return ProblemException.of(HttpStatus.FORBIDDEN, "tenant-forbidden", "Tenant forbidden",
                "You are not a member of this tenant.");
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ProblemException lastOwner() {
        return ProblemException.of(HttpStatus.CONFLICT, "last-owner", "Last owner",
                "A tenant keeps at least one active owner: promote another member first.");
    }

    public static ProblemException emailTaken() {
        return fieldProblem(HttpStatus.CONFLICT, "email-taken", "Email taken", "email",
                "is already registered", "An account with this email already exists: sign in instead.");
    }

    public static ProblemException alreadyMember() {
        return fieldProblem(HttpStatus.CONFLICT, "already-member", "Already a member", "email",
                "is already a member of this tenant", "This person is already a member of this tenant.");
    }

    public static ProblemException notFound() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.");
    }

    private static ProblemException fieldProblem(HttpStatus status, String type, String title, String field,
            String reason, String detail) {
        return ProblemException.of(status, type, title, detail)
                .with("errors", List.of(Map.of("field", field, "reason", reason)));
    }
}
