package com.zorahai.tickets.internal;

import com.zorahai.platform.ProblemException;
import java.util.Locale;

/**
 * The orders a ticket list may be sorted in, as {@code field} or {@code field,asc|desc}.
 */
enum TicketSort {
    OPENED_AT("t.opened_at"), UPDATED_AT("t.updated_at"), SLA_DUE_AT("t.sla_due_at"),
    // urgent first when ascending
    PRIORITY("case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end"), STATUS(
            "case t.status when 'open' then 0 when 'pending' then 1 when 'resolved' then 2 else 3 end");

    private final String column;

    TicketSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** A sort and its direction. */
    record Order(TicketSort sort, boolean descending) {
    }

    /** The order and direction; {@code opened_at,desc} when none is given; a 400 naming {@code sort} when unknown. */
    static Order parse(String value) {
        if (value == null || value.isBlank()) {
            return new Order(OPENED_AT, true);
        }
        String[] parts = value.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*", -1);
        TicketSort sort = null;
        for (TicketSort candidate : values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(parts[0])) {
                sort = candidate;
            }
        }
        if (sort == null || parts.length > 2 || (parts.length == 2 && !parts[1].matches("asc|desc"))) {
            throw ProblemException.invalidField("sort", "must be opened_at, updated_at, sla_due_at, priority or"
                    + " status, optionally followed by ,asc or ,desc");
        }
        return new Order(sort, parts.length == 2 && parts[1].equals("desc"));
    }
}
