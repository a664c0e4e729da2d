package com.zorahai.identity.internal;

import com.zorahai.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A refused sign-in. The client always sees the same {@code invalid-credentials} problem; the reason goes to the
 * metrics only.
 */
public class LoginFailed extends ProblemException {

    /** Why a sign-in was refused (the {@code reason} tag of {@code zorah.auth.login.failed}). */
    public enum Reason {
        UNKNOWN_ACCOUNT, BAD_PASSWORD, DEACTIVATED, PROVIDER_ERROR;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public LoginFailed(Reason reason) {
        super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                "The email or the password is not correct.");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
