package com.zorahai.quoting.internal;

import java.math.BigDecimal;

/**
 * A quote line as a request gives it, unchecked.
 *
 * @param id the id of a line of this quote to keep, or null for a new line
 * @param taxable whether tax is charged on the line; true when null
 */
public record LineInput(String id, String type, String description, BigDecimal quantity, BigDecimal unitCost,
        String currency, BigDecimal markupPercent, BigDecimal marginPercent, BigDecimal unitPrice,
        Boolean taxable) {
}
