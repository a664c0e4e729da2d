package com.zorahai.assistant.internal;

import com.zorahai.booking.BookableService;
import com.zorahai.booking.Gender;
import com.zorahai.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A service's price as the customer reads it: theirs when their gender is known, both when the price differs. */
final class Prices {

    private Prices() {
    }

    /** The price for a list row ("USD 110", "USD 110 (women) · USD 150 (men)", "Free"), or null without one. */
    static String describe(BookableService service, Gender gender, Language language, Catalogue catalogue) {
        if (service.price() == null) {
            return null;
        }
        if (gender == null && !service.pricesByGender().isEmpty()) {
            return catalogue.text(language, "row.gender", Map.of("female", format(service.priceFor(Gender.FEMALE)),
                    "male", format(service.priceFor(Gender.MALE))));
        }
        Money price = service.priceFor(gender);
        return price.isZero() ? catalogue.text(language, "row.free") : format(price);
    }

    /** One line of the price list. */
    static String line(BookableService service, Gender gender, Language language, Catalogue catalogue) {
        if (service.price() == null) {
            return service.name();
        }
        if (gender == null && !service.pricesByGender().isEmpty()) {
            return catalogue.text(language, "prices.line.gender", Map.of("service", service.name(), "female",
                    format(service.priceFor(Gender.FEMALE)), "male", format(service.priceFor(Gender.MALE))));
        }
        Money price = service.priceFor(gender);
        if (price.isZero()) {
            return catalogue.text(language, "prices.line.free", Map.of("service", service.name()));
        }
        return catalogue.text(language, "prices.line", Map.of("service", service.name(), "price", format(price)));
    }

    /** "USD 120" or "USD 99.50": whole amounts without decimals. */
    static String format(Money money) {
        BigDecimal amount = money.amount();
        boolean whole = amount.signum() == 0 || amount.stripTrailingZeros().scale() <= 0;
        return money.currency().getCurrencyCode() + " "
                + (whole ? amount.setScale(0, RoundingMode.UNNECESSARY) : amount).toPlainString();
    }
}
