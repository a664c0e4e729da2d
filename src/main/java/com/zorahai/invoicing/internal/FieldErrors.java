package com.zorahai.invoicing.internal;

import com.zorahai.platform.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Collects every bad field of a request, so one 400 names them all.
 */
final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    void add(String field, String reason) {
        errors.add(Map.of("field", field, "reason", reason));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** A 400 {@code validation-failed} naming every field, when there is any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("reason"))
                    .collect(Collectors.joining("; "));
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", detail)
                    .with("errors", List.copyOf(errors));
        }
    }
}
