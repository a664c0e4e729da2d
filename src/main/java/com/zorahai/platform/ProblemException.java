package com.zorahai.platform;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure that the API reports as an RFC 9457 problem: a stable type, a title, a detail safe to show, and optional
 * extra properties. Modules extend it with their own exceptions built by static factories.
 */
public class ProblemException extends RuntimeException {

    /** Where problem types live; a type is this base plus a slug such as {@code tenant-not-found}. */
    public static final String TYPE_BASE = "https://zorahai.com/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** A problem with a slug, title and detail. */
    public static ProblemException of(HttpStatus status, String type, String title, String detail) {
        return new ProblemException(status, type, title, detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, what + "-not-found", capitalize(what) + " not found",
                "No " + what + " with id " + id);
    }

    /** A 400 about one field of the request. */
    public static ProblemException invalidField(String field, String reason) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed",
                "Invalid request", field + ": " + reason);
        problem.with("errors", java.util.List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }

    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public URI typeUri() {
        return URI.create(TYPE_BASE + type);
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    private static String capitalize(String s) {
        String words = s.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
