package com.zorahai.quoting.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

/**
 * A quote line as the consultant gives it, before pricing. The sell price comes from exactly one of
 * {@code markupPercent} (sell = cost × (1 + markup)), {@code marginPercent} (sell = cost / (1 − margin)) or
 * {@code unitPrice} (the sell price per unit in the line currency); with none of them the tenant's default markup
 * applies.
 *
 * @param id an existing line's id to keep it (so revisions compare it as the same line), or null for a new line
 * @param currency the currency of the cost (and of {@code unitPrice}); the quote's currency when null
 */
public record LineDraft(UUID id, LineType type, String description, BigDecimal quantity, BigDecimal unitCost,
        Currency currency, BigDecimal markupPercent, BigDecimal marginPercent, BigDecimal unitPrice,
        boolean taxable) {
}
