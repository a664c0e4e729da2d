package com.zorahai.invoicing.internal;

import java.time.LocalDate;

/**
 * A traveller as a request gives it; only {@code fullName} is required.
 */
public record TravelerDraft(String fullName, LocalDate dateOfBirth, String passportNumber,
        LocalDate passportExpiry) {
}
