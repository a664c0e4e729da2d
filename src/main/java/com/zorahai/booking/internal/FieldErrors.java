package com.zorahai.booking.internal;

import com.zorahai.platform.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Collects every invalid field of a request so one 400 names them all.
 */
public final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    public FieldErrors add(String field, String reason) {
        errors.add(Map.of("field", field, "reason", reason));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.get("field").equals(field));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                    errors.stream().map(e -> e.get("field") + ": " + e.get("reason")).collect(Collectors.joining("; ")))
                    .with("errors", List.copyOf(errors));
        }
    }

    /** A trimmed text, null when blank; a field error when longer than {@code max}. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            add(field, "must be at most " + max + " characters");
            return null;
        }
        return stripped;
    }

    /** Checks {@code page} and {@code size}, with the defaults 0 and 20. */
    public int[] paging(Integer page, Integer size, int maxSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > 1_000_000) {
            add("page", "must be between 0 and 1000000");
        }
        if (s < 1 || s > maxSize) {
            add("size", "must be between 1 and " + maxSize);
        }
        return new int[]{p, s};
    }
}
