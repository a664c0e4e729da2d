package com.zorahai.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Collects every invalid field of a request so one 400 {@code validation-failed} names them all, each as
 * {@code {field, reason}} in the problem's {@code errors}.
 */
public final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    public FieldErrors add(String field, String reason) {
        errors.add(Map.of("field", field, "reason", reason));
        return this;
    }

    /**
     * The text stripped, or null when it is missing; adds {@code is required} when it is missing and required, and
     * {@code must be at most N characters} when it is longer than {@code max}.
     */
    public String text(String field, String value, int max, boolean required) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (stripped.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.get("field").equals(field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** A 400 {@code validation-failed} naming every field, when there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("reason"))
                    .collect(Collectors.joining("; "));
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", detail)
                    .with("errors", List.copyOf(errors));
        }
    }
}
