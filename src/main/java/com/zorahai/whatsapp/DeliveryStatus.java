package com.zorahai.whatsapp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a message is: inbound ones are {@code received}; outbound ones go {@code queued}, {@code sent},
 * {@code delivered}, {@code read} ({@code played} for voice notes) or {@code failed}. Providers report statuses out
 * of order, so a status only ever replaces one of a lower {@link #rank()}: a late {@code sent} never hides
 * {@code delivered} or {@code read}.
 */
public enum DeliveryStatus {
    RECEIVED(0), QUEUED(0), SENT(1), DELIVERED(2), READ(3), PLAYED(4), FAILED(5);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }
}
