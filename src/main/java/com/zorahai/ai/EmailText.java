package com.zorahai.ai;

import java.time.Instant;

/**
 * An email to extract from.
 *
 * @param from the sender, as in the {@code From} header (display name and address)
 * @param text the plain-text body, if any
 * @param html the HTML body, if any; used when there is no text body
 * @param receivedAt when it arrived; dates without a year are read as the next such date after this
 */
public record EmailText(String from, String subject, String text, String html, Instant receivedAt) {

    public EmailText {
        from = from == null ? "" : from;
        subject = subject == null ? "" : subject;
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
    }
}
