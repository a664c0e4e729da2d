package com.zorahai.tenancy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Expands {@code ${VAR}} (required) and {@code ${VAR:-default}} (default when unset or empty) in every text value of
 * a configuration tree. Defaults may hold further references ({@code ${A:-${B:-x}}}); {@code $${} writes a literal
 * {@code ${}. A missing required variable or a malformed reference is reported against the field it appears in.
 */
public final class VariableExpander {

    private final Function<String, String> lookup;

    /** @param lookup the value of a variable, or null when it is not set */
    public VariableExpander(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** A copy of the tree with every text value expanded; problems are added to {@code errors}. */
    public Object expandTree(Object node, String path, List<ConfigError> errors) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                String name = String.valueOf(key);
                copy.put(name, expandTree(value, path.isEmpty() ? name : path + "." + name, errors));
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(expandTree(list.get(i), path + "[" + i + "]", errors));
            }
            return copy;
        }
        if (node instanceof String text) {
            return expand(text, path, errors);
        }
        return node;
    }

    /** The expanded text; on error the text expanded as far as it could be, with the problem in {@code errors}. */
    public String expand(String text, String field, List<ConfigError> errors) {
        if (!text.contains("$")) {
            return text;
        }
        return new Parser(text, field, errors).sequence(true, false);
    }

    private final class Parser {

        private final String text;
        private final String field;
        private final List<ConfigError> errors;
        private int pos;
        private boolean failed;

        Parser(String text, String field, List<ConfigError> errors) {
            this.text = text;
            this.field = field;
            this.errors = errors;
        }

        /** Reads text up to the end (or up to a closing brace when {@code nested}). */
        String sequence(boolean evaluate, boolean nested) {
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                if (text.startsWith("$${", pos)) {
                    out.append("${");
                    pos += 3;
                } else if (text.startsWith("${", pos)) {
                    out.append(reference(evaluate));
                } else if (nested && text.charAt(pos) == '}') {
                    return out.toString();
                } else {
                    out.append(text.charAt(pos++));
                }
            }
            return out.toString();
        }

        private String reference(boolean evaluate) {
            int start = pos;
            pos += 2;
            int nameStart = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos), pos == nameStart)) {
                pos++;
            }
            String name = text.substring(nameStart, pos);
            if (name.isEmpty()) {
                return malformed(start);
            }
            if (text.startsWith("}", pos)) {
                pos++;
                String value = lookup.apply(name);
                if (value == null) {
                    if (evaluate) {
                        fail("missing required variable " + name);
                    }
                    return "";
                }
                return value;
            }
            if (text.startsWith(":-", pos)) {
                pos += 2;
                String value = evaluate ? lookup.apply(name) : null;
                boolean useDefault = value == null || value.isEmpty();
                String fallback = sequence(evaluate && useDefault, true);
                if (!text.startsWith("}", pos)) {
                    fail("unterminated variable reference ${" + name + ":-");
                    return "";
                }
                pos++;
                return useDefault ? fallback : value;
            }
            return malformed(start);
        }

        private String malformed(int start) {
            int end = text.indexOf('}', start);
            pos = end < 0 ? text.length() : end + 1;
            fail("invalid variable reference (use ${NAME} or ${NAME:-default})");
            return "";
        }

        private void fail(String reason) {
            if (!failed) {
                failed = true;
                errors.add(new ConfigError(field, reason));
            }
        }

        private static boolean isNameChar(char c, boolean first) {
            return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || !first && c >= '0' && c <= '9';
        }
    }
}
