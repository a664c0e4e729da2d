package com.zorahai.intake.internal;

import com.zorahai.platform.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Collects every invalid field of a request so one 400 names them all.
 */
final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    void add(String field, String reason) {
        errors.add(Map.of("field", field, "reason", reason));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                    errors.stream().map(e -> e.get("field") + ": " + e.get("reason")).collect(Collectors.joining("; ")))
                    .with("errors", List.copyOf(errors));
        }
    }
}
