package com.zorahai.pricing.internal;

import com.zorahai.platform.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A small RFC 4180 reader: comma separated, fields optionally in double quotes (a quote inside doubled), quoted
 * fields may hold commas and line breaks, LF or CRLF line ends, an optional UTF-8 byte order mark. Blank lines are
 * skipped.
 */
final class Csv {

    private Csv() {
    }

    /** A record and the line it starts on (1 for the header). */
    record Line(int number, List<String> fields) {
    }

    static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && input.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                add(lines, start, fields);
                fields = new ArrayList<>();
                if (c == '\r' && i + 1 < n && input.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw invalid(start, "has a quoted field that is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            add(lines, start, fields);
        }
        return lines;
    }

    private static void add(List<Line> lines, int number, List<String> fields) {
        boolean blank = fields.size() == 1 && fields.getFirst().isBlank();
        if (!blank) {
            lines.add(new Line(number, List.copyOf(fields)));
        }
    }

    static ProblemException invalid(int row, String reason) {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "invalid-csv", "Invalid CSV", "Row " + row + " "
                + reason + ".").with("errors", List.of(Map.of("row", row, "field", "file", "reason", reason)));
    }
}
