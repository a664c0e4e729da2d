package com.zorahai.intake.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        String inReplyTo = null;
        String references = null;
        for (String field : unfolded(headers)) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (name.equals("in-reply-to") && inReplyTo == null) {
                inReplyTo = field.substring(colon + 1);
            } else if (name.equals("references") && references == null) {
                references = field.substring(colon + 1);
            }
        }
        Set<String> ids = new LinkedHashSet<>(ids(inReplyTo));
        List<String> older = ids(references);
        for (int i = older.size() - 1; i >= 0; i--) {
            ids.add(older.get(i));
        }
        return ids.stream().limit(MAX).toList();
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

    /** Header fields with their continuation lines joined. */
    private static List<String> unfolded(String headers) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : headers.split("\\r?\\n")) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.strip());
            } else {
                if (current != null) {
                    fields.add(current.toString());
                }
                current = new StringBuilder(line);
            }
        }
        if (current != null) {
            fields.add(current.toString());
        }
        return fields;
    }
}
