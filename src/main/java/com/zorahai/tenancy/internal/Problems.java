package com.zorahai.tenancy.internal;

import com.zorahai.platform.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The problems the tenancy API answers with.
 */
public final class Problems {

    private Problems() {
    }

    /** A 400 listing every invalid field. */
    public static ProblemException invalid(List<ConfigError> errors) {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")))
                .with("errors", errors.stream().map(e -> Map.of("field", e.field(), "reason", e.reason())).toList());
    }

    public static ProblemException tooLarge(String what, long maxBytes) {
        return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                what + " may be at most " + human(maxBytes) + ".")
                .with("max_bytes", maxBytes);
    }

    private static String human(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
