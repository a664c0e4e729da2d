package com.zorahai.quoting.internal;

import com.zorahai.platform.ProblemException;
import java.util.Locale;

/** Where a quote is in its life: draft → sent → accepted, declined or expired. */
public enum QuoteStatus {
    DRAFT, SENT, ACCEPTED, DECLINED, EXPIRED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the quote can still be changed: a draft, or a sent quote not yet answered. */
    public boolean isOpen() {
        return this == DRAFT || this == SENT;
    }

    /** From its name in any case; a 400 problem naming {@code field} otherwise. */
    public static QuoteStatus parse(String value, String field) {
        if (value != null) {
            for (QuoteStatus status : values()) {
                if (status.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return status;
                }
            }
        }
        throw ProblemException.invalidField(field, "must be one of draft, sent, accepted, declined, expired");
    }
}
