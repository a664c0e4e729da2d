package com.zorahai.whatsapp.web;

import com.zorahai.platform.ProblemException;
import java.util.UUID;

/** Page, size and id parameters, checked the same way everywhere: 400 naming the field. */
final class Paging {

    private Paging() {
    }

    static int page(Integer page) {
        int value = page == null ? 0 : page;
        if (value < 0 || value > 1_000_000) {
            throw ProblemException.invalidField("page", "must be between 0 and 1000000");
        }
        return value;
    }

    static int size(Integer size, int max) {
        int value = size == null ? 20 : size;
        if (value < 1 || value > max) {
            throw ProblemException.invalidField("size", "must be between 1 and " + max);
        }
        return value;
    }

    /** A path id; an id that is not a UUID names nothing, so 404. */
    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException ex) {
            throw ProblemException.notFound("conversation", id);
        }
    }
}
