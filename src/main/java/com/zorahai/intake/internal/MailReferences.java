package com.zorahai.intake.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The message ids an email answers, read from its raw header block. */
final class MailReferences {

    static final int MAX = 20;
    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,500})>");

    private MailReferences() {
    }

    /**
     * The ids of {@code In-Reply-To} first, then those of {@code References} from the newest (last) to the oldest,
     * each once, without angle brackets, at most {@value #MAX}; empty for no headers or none of these.
     */
    static List<String> of(String headers) {
        if (headers == null || headers.isBlank()) {
            return List.of();
        }
        InternetHeaders parsed;
        try {
            parsed = new InternetHeaders(new ByteArrayInputStream(headers.getBytes(StandardCharsets.UTF_8)), true);
        } catch (MessagingException ex) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>(ids(first(parsed, "In-Reply-To")));
        List<String> older = ids(first(parsed, "References"));
        for (int i = older.size() - 1; i >= 0; i--) {
            ids.add(older.get(i));
        }
        return ids.stream().limit(MAX).toList();
    }

    private static String first(InternetHeaders headers, String name) {
        String[] values = headers.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static List<String> ids(String value) {
        List<String> found = new ArrayList<>();
        if (value != null) {
            Matcher m = ID.matcher(value);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
