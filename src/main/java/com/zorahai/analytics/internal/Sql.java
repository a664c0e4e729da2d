package com.zorahai.analytics.internal;

/** SQL fragments that read typed values out of {@code properties} without failing on a wrong type. */
final class Sql {

    private Sql() {
    }

    /** The numeric property, or null when it is missing or not a number. */
    static String number(String key) {
        return "(case when jsonb_typeof(properties->'" + key + "') = 'number' then (properties->>'" + key
                + "')::numeric end)";
    }

    /** Whether the property is JSON {@code true}. */
    static String flag(String key) {
        return "(properties->'" + key + "' = 'true'::jsonb)";
    }

    /** {@code type = '<type>'}. */
    static String is(String type) {
        return "type = '" + type + "'";
    }
}
