package com.zorahai.ai.rules;

/**
 * An email reduced to what its sender wrote: the subject line, a blank line, the body, then the signature (kept for
 * names and phone numbers), without quoted replies, forwarded headers or "Sent from my phone" lines.
 *
 * @param text subject, body and signature; every span points into this
 * @param bodyStart where the body starts (after the subject and a blank line)
 * @param bodyEnd where the body stops and the signature starts
 * @param forwardedFrom the {@code From} of a forwarded message, the person the request is really from; empty if none
 * @param quotedReply whether a quoted earlier message was cut off
 * @param forwarded whether the email forwards someone else's message
 */
public record CleanedEmail(String text, int bodyStart, int bodyEnd, boolean quotedReply, boolean forwarded,
        String forwardedFrom) {

    public String body() {
        return text.substring(bodyStart, bodyEnd);
    }

    public String subject() {
        return text.substring(0, Math.max(0, bodyStart - 2));
    }

    public String signature() {
        return text.substring(bodyEnd).stripLeading();
    }
}
