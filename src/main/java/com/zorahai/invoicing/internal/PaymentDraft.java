package com.zorahai.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment as a request gives it. {@code currency}, when given, must be the invoice's; {@code date} defaults to
 * today in the tenant's time zone.
 */
public record PaymentDraft(BigDecimal amount, String currency, LocalDate date, String method, String reference) {
}
