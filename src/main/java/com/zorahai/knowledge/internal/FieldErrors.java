package com.zorahai.knowledge.internal;

import com.zorahai.platform.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Collects every invalid field of a request so one 400 names them all. */
public final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    public FieldErrors add(String field, String reason) {
        errors.add(Map.of("field", field, "reason", reason));
        return this;
    }

    /** Adds an error when the text is missing or longer than {@code max}; returns the stripped text. */
    public String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return v;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                    errors.stream().map(e -> e.get("field") + ": " + e.get("reason")).collect(Collectors.joining(
                            "; ")))
                    .with("errors", List.copyOf(errors));
        }
    }
}
