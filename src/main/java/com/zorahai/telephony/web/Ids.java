package com.zorahai.telephony.web;

import com.zorahai.platform.ProblemException;
import java.util.UUID;

/**
 * Path and query ids.
 */
final class Ids {

    private Ids() {
    }

    /** A UUID; a 400 naming {@code field} when it is not one. */
    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value == null ? "" : value.trim());
        } catch (IllegalArgumentException ex) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    /** A path id; a 400 naming {@code id} when it is not a UUID. */
    static UUID pathId(String value) {
        return uuid(value, "id");
    }
}
