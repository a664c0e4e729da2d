package com.zorahai.intake.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an inbound email turned out to be, and so what intake does with it. */
public enum Outcome {
    /** A new travel request: client, draft quote, timeline entry, consultant notified. */
    NEW_REQUEST,
    /** A reply to a quote: an entry on the quote's timeline. */
    QUOTE_REPLY,
    /** A reply that asks for changes to a quote: a timeline entry and a review item. */
    CHANGE_REQUEST,
    /** A support request: announced for a ticket. */
    SUPPORT,
    /** An auto-reply, notification or newsletter. */
    AUTOMATED,
    /** Scored as spam by SendGrid. */
    SPAM;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Outcome> find(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
