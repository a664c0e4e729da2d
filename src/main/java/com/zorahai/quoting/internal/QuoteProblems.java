package com.zorahai.quoting.internal;

import com.zorahai.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problems the quoting API answers with, beyond plain validation. */
public final class QuoteProblems {

    private QuoteProblems() {
    }

    public static ProblemException notFound(Object id) {
        return ProblemException.notFound("quote", id);
    }

    /** A quote that is accepted, declined or expired (or, for some actions, still a draft) cannot do this. */
    static ProblemException notOpen(Quote quote, String what) {
        return ProblemException.of(HttpStatus.CONFLICT, "quote-not-open", "Quote not open",
                "A quote that is " + quote.status().value() + " cannot be " + what + ".")
                .with("status", quote.status().value());
    }

    /** The quote changed since the link was sent. */
    static ProblemException quoteChanged() {
        return ProblemException.of(HttpStatus.CONFLICT, "quote-changed", "Quote changed",
                "The quote has changed since this link was sent; ask for the new link.");
    }

    /** A token that is malformed, unknown or tampered with. */
    static ProblemException linkInvalid() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "accept-link-invalid", "Accept link invalid",
                "This accept link is not valid.");
    }

    static ProblemException linkUsed() {
        return ProblemException.of(HttpStatus.GONE, "accept-link-used", "Accept link used",
                "This accept link has already been used.");
    }

    static ProblemException linkExpired() {
        return ProblemException.of(HttpStatus.GONE, "accept-link-expired", "Accept link expired",
                "This accept link has expired; ask for a new quote.");
    }

    /** 422 naming a field, for requests that are well-formed but cannot be carried out. */
    static ProblemException unprocessable(String type, String title, String field, String reason) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, type, title, field + ": " + reason)
                .with("errors", List.of(Map.of("field", field, "reason", reason)));
    }
}
