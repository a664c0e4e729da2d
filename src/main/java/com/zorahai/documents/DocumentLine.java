package com.zorahai.documents;

import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a quote or an invoice as the customer sees it.
 *
 * @param total the line total as charged (the caller's rounding and discounts, not recomputed here)
 */
public record DocumentLine(String description, BigDecimal quantity, Money unitPrice, Money total) {

    public DocumentLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(total, "total");
    }
}
