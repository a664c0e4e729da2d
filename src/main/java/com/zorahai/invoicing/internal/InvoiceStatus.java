package com.zorahai.invoicing.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an invoice is in its life: {@code draft → issued → partially_paid → paid}, or {@code void} from issued or
 * partially paid.
 */
public enum InvoiceStatus {
    DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID;

    /** The name used in JSON and in the database, e.g. {@code partially_paid}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Issued and not yet paid in full: it takes payments, can be voided and can become overdue. */
    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }

    public static Optional<InvoiceStatus> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (InvoiceStatus status : values()) {
            if (status.value().equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
