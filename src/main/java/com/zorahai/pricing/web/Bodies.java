package com.zorahai.pricing.web;

import com.zorahai.platform.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

/** Turns request bodies into the named text values the row validation reads, within the size limit. */
final class Bodies {

    private Bodies() {
    }

    /** A JSON object of known columns to text values; unknown or non-scalar fields are a 400 naming them. */
    static Map<String, String> values(Map<String, Object> body, List<String> columns) {
        if (body == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        body.forEach((name, value) -> {
            if (!columns.contains(name)) {
                errors.add(Map.of("field", name, "reason", "is not a known field"));
            } else if (value instanceof BigDecimal number) {
                values.put(name, number.toPlainString());
            } else if (value instanceof Number || value instanceof String) {
                values.put(name, value.toString());
            } else if (value != null) {
                errors.add(Map.of("field", name, "reason", "must be a string or a number"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                    String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("reason")).toList()))
                    .with("errors", errors);
        }
        return values;
    }

    static byte[] read(MultipartFile file, long maxBytes) {
        if (file.getSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = file.getInputStream()) {
            return read(in, maxBytes);
        } catch (IOException e) {
            throw unreadable();
        }
    }

    /** At most {@code maxBytes}; 413 when the stream holds more. */
    static byte[] read(InputStream in, long maxBytes) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private static ProblemException tooLarge(long maxBytes) {
        return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "import-too-large", "Import too large",
                "The file is larger than " + maxBytes + " bytes.");
    }

    private static ProblemException unreadable() {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body could not be read.");
    }
}
