package com.zorahai.analytics.internal;

import com.zorahai.platform.Money;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the properties of an event: insertion order kept, nulls left out, money as amount and currency. */
final class Properties {

    private final Map<String, Object> values = new LinkedHashMap<>();

    static Properties of() {
        return new Properties();
    }

    Properties with(String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    /** {@code <prefix>_amount} (rounded to the currency) and {@code <prefix>_currency}. */
    Properties money(String prefix, Money money) {
        if (money != null) {
            values.put(prefix + "_amount", money.rounded().amount());
            values.put(prefix + "_currency", money.currency().getCurrencyCode());
        }
        return this;
    }

    Map<String, Object> map() {
        return values;
    }
}
