package com.zorahai.email.outbox;

import com.zorahai.platform.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * A retry asked for an email that was already sent or is being sent right now.
 */
public class EmailNotRetryable extends ProblemException {

    private EmailNotRetryable(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, type, title, detail);
    }

    static EmailNotRetryable of(UUID id, EmailStatus status) {
        EmailNotRetryable problem = status == EmailStatus.SENT
                ? new EmailNotRetryable("email-already-sent", "Email already sent",
                        "Email " + id + " was already sent; it is not sent again.")
                : new EmailNotRetryable("email-being-sent", "Email being sent",
                        "Email " + id + " is being sent right now.");
        problem.with("email_status", status.value());
        return problem;
    }
}
