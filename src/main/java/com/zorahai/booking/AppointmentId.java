package com.zorahai.booking;

import com.zorahai.platform.ProblemException;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of an appointment, unique across tenants. Appointments made through a clinic's own API keep this id too;
 * the clinic's id is {@link Appointment#externalId()}.
 */
public record AppointmentId(UUID value) {

    public AppointmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AppointmentId of(UUID value) {
        return new AppointmentId(value);
    }

    /** Parses a UUID; a 400 problem naming {@code field} when it is not one. */
    public static AppointmentId parse(String value, String field) {
        try {
            return new AppointmentId(UUID.fromString(value == null ? "" : value.trim()));
        } catch (IllegalArgumentException ex) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    public static AppointmentId random() {
        return new AppointmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
