package com.zorahai.email.outbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where an outbound email is in its life: {@code queued} (waiting to be sent), {@code sending} (claimed by a
 * worker), {@code held} (no SendGrid key: kept in the outbox, not delivered), {@code sent}, {@code failed} (an attempt
 * failed, another is scheduled) and {@code dead} (no more attempts).
 */
public enum EmailStatus {
    QUEUED, SENDING, HELD, SENT, FAILED, DEAD;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this value ({@code queued}, ...), case-insensitive. */
    public static Optional<EmailStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }

    /** The accepted values, for error messages. */
    public static String allValues() {
        return Arrays.stream(values()).map(EmailStatus::value).collect(Collectors.joining(", "));
    }
}
