package com.zorahai.booking;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an appointment stands. Only {@code booked} and {@code completed} appointments hold their slot.
 */
public enum AppointmentStatus {
    BOOKED, CANCELLED, COMPLETED, NO_SHOW;

    /** The name used in JSON and in the database, e.g. {@code no_show}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AppointmentStatus> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (AppointmentStatus status : values()) {
            if (status.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
