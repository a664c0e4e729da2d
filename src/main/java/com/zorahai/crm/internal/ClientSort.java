package com.zorahai.crm.internal;

import com.zorahai.platform.ProblemException;
import java.util.Locale;

/**
 * The orders a client list may be sorted in, as {@code field} or {@code field,asc|desc}.
 */
enum ClientSort {
    NAME("lower(c.name)"), CREATED_AT("c.created_at"), UPDATED_AT("c.updated_at");

    private final String column;

    ClientSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** The order and direction; {@code name,asc} when none is given; a 400 naming {@code sort} when unknown. */
    static Order parse(String value) {
        if (value == null || value.isBlank()) {
            return new Order(NAME, false);
        }
        String[] parts = value.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*", -1);
        ClientSort sort = null;
        for (ClientSort candidate : values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(parts[0])) {
                sort = candidate;
            }
        }
        if (sort == null || parts.length > 2 || (parts.length == 2 && !parts[1].matches("asc|desc"))) {
            throw ProblemException.invalidField("sort",
                    "must be name, created_at or updated_at, optionally followed by ,asc or ,desc");
        }
        return new Order(sort, parts.length == 2 && parts[1].equals("desc"));
    }

    record Order(ClientSort sort, boolean descending) {
    }
}
