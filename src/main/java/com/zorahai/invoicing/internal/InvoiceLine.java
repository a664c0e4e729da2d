package com.zorahai.invoicing.internal;

import com.zorahai.platform.Money;
import java.math.BigDecimal;

/**
 * A line of an invoice as billed: {@code total} is {@code quantity × unitPrice} rounded to the currency's minor unit
 * (HALF_EVEN); {@code taxRate} is a percentage.
 */
public record InvoiceLine(int position, String type, String description, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal taxRate, Money total) {
}
