package com.zorahai.tenancy;

import com.zorahai.platform.ProblemException;
import java.util.regex.Pattern;

/**
 * The id of a tenant: lower-case letters, digits and dashes, 2 to 63 characters, starting with a letter or digit.
 * Anything else is rejected before it touches a path or a query.
 */
public record TenantId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public TenantId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw ProblemException.invalidField("tenant_id",
                    "must match [a-z0-9][a-z0-9-]{1,62}");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
