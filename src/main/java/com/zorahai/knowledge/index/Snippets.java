package com.zorahai.knowledge.index;

import java.util.Locale;

/** A short extract of a text around the first word of the query found in it. */
final class Snippets {

    static final int LENGTH = 240;

    private Snippets() {
    }

    static String of(String text, String query) {
        if (text.length() <= LENGTH) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int at = -1;
        for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) {
                int i = lower.indexOf(word);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                }
            }
        }
        int start = at < 0 ? 0 : Math.max(0, at - LENGTH / 3);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space < 0 || space > at ? start : space + 1;
        }
        int end = Math.min(text.length(), start + LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        return (start > 0 ? "…" : "") + text.substring(start, end).strip() + (end < text.length() ? "…" : "");
    }
}
