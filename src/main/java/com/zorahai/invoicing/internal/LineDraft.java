package com.zorahai.invoicing.internal;

import java.math.BigDecimal;

/**
 * A line as a request gives it; {@code type} defaults to {@code other}, {@code quantity} to 1 and {@code taxRate}
 * (percent) to 0.
 */
public record LineDraft(String type, String description, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal taxRate) {
}
