package com.zorahai.quoting.internal;

import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Prices quote lines and totals. Amounts keep full precision until a line total, which is rounded once to the quote
 * currency; the subtotal is the sum of the rounded line totals; tax is charged on the taxable lines and the grand
 * total is rounded once again. Rounding is HALF_EVEN at the currency's scale throughout ({@link Money#rounded()}).
 */
public final class QuoteCalculator {

    /** Precision of divisions (margins); far beyond any currency's scale. */
    private static final MathContext DIVISION = new MathContext(20, RoundingMode.HALF_EVEN);

    private QuoteCalculator() {
    }

    /** The priced lines and totals of a quote. */
    public record Priced(List<QuoteLine> lines, BigDecimal taxRatePercent, Money subtotal, Money tax, Money total) {
    }

    /**
     * Prices the lines in the quote currency with the tenant's settings.
     *
     * @throws ProblemException 422 {@code exchange-rate-missing} naming {@code lines[i].currency} when a line's
     *         currency has no configured rate to the quote currency
     */
    public static Priced price(List<LineDraft> drafts, Currency quoteCurrency, QuoteSettings settings) {
        List<QuoteLine> lines = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            lines.add(line(drafts.get(i), i, quoteCurrency, settings));
        }
        return totals(lines, quoteCurrency, settings.taxRatePercent());
    }

    /** The totals of priced lines: subtotal, tax on the taxable lines at {@code taxRatePercent}, total. */
    public static Priced totals(List<QuoteLine> lines, Currency currency, BigDecimal taxRatePercent) {
        Money subtotal = Money.zero(currency).rounded();
        Money taxable = Money.zero(currency);
        for (QuoteLine line : lines) {
            subtotal = subtotal.plus(line.total());
            if (line.taxable()) {
                taxable = taxable.plus(line.total());
            }
        }
        Money total = subtotal.plus(taxable.percent(taxRatePercent)).rounded();
        return new Priced(List.copyOf(lines), taxRatePercent, subtotal, total.minus(subtotal), total);
    }

    static QuoteLine line(LineDraft draft, int index, Currency quoteCurrency, QuoteSettings settings) {
        Currency lineCurrency = draft.currency() == null ? quoteCurrency : draft.currency();
        BigDecimal markup = draft.markupPercent();
        BigDecimal margin = draft.marginPercent();
        BigDecimal unitSell;
        if (draft.unitPrice() != null) {
            unitSell = draft.unitPrice();
        } else if (margin != null) {
            unitSell = draft.unitCost().divide(BigDecimal.ONE.subtract(margin.movePointLeft(2)), DIVISION);
        } else {
            markup = markup == null ? settings.defaultMarkupPercent() : markup;
            unitSell = draft.unitCost().multiply(BigDecimal.ONE.add(markup.movePointLeft(2)));
        }
        BigDecimal rate = settings.conversion(lineCurrency, quoteCurrency)
                .orElseThrow(() -> missingRate(index, lineCurrency, quoteCurrency));
        Money converted = Money.of(unitSell.multiply(rate), quoteCurrency);
        return new QuoteLine(draft.id() == null ? UUID.randomUUID() : draft.id(), draft.type(),
                draft.description(), draft.quantity(), Money.of(draft.unitCost(), lineCurrency), markup, margin,
                unitSell.stripTrailingZeros(), rate, converted.rounded(), converted.times(draft.quantity()).rounded(),
                draft.taxable());
    }

    private static ProblemException missingRate(int index, Currency from, Currency to) {
        String field = "lines[" + index + "].currency";
        String reason = "no exchange rate from " + from.getCurrencyCode() + " to " + to.getCurrencyCode()
                + " is configured";
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "exchange-rate-missing",
                "Exchange rate missing", field + ": " + reason)
                .with("errors", List.of(Map.of("field", field, "reason", reason)));
    }
}
