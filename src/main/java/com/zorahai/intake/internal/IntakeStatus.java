package com.zorahai.intake.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an intake request stands. */
public enum IntakeStatus {
    /** Acted on without a person. */
    PROCESSED,
    /** Waiting in the review queue. */
    NEEDS_REVIEW,
    /** Automated mail or spam: stored, not acted on. */
    IGNORED,
    /** A reviewer approved it (with corrections) and it was acted on. */
    APPROVED,
    /** A reviewer turned it down; nothing was done. */
    REJECTED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IntakeStatus> find(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
