package com.zorahai.tenancy.internal;

/**
 * One invalid field of a tenant's configuration: the snake_case path ({@code email.from_address},
 * {@code features[2]}) and why it is wrong. The reason never contains a secret value.
 */
public record ConfigError(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
