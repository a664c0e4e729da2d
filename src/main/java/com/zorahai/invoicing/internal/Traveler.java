package com.zorahai.invoicing.internal;

import com.zorahai.invoicing.InvoiceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A traveller of an invoice, decrypted. After erasure only {@code erasedAt} and the ids remain.
 */
public record Traveler(UUID id, InvoiceId invoiceId, String fullName, LocalDate dateOfBirth, String passportNumber,
        LocalDate passportExpiry, Instant erasedAt, Instant createdAt) {

    /** What lists show of a name after erasure. */
    public static final String ERASED = "erased";

    /** The passport number as lists show it: {@code ****1234}; null when there is none. */
    public String maskedPassportNumber() {
        return mask(passportNumber);
    }

    /** The name, or {@code erased}. */
    public String displayName() {
        return erasedAt != null ? ERASED : fullName;
    }

    static String mask(String passport) {
        if (passport == null) {
            return null;
        }
        return passport.length() <= 4 ? "****" : "****" + passport.substring(passport.length() - 4);
    }
}
