package com.zorahai.knowledge.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles extracted text block by block: headings on a line of their own, paragraphs separated by a blank line,
 * whitespace inside a line collapsed. Records where each heading starts.
 */
final class TextBuilder {

    private final StringBuilder text = new StringBuilder();
    private final List<ExtractedDocument.Heading> headings = new ArrayList<>();

    void heading(int level, String title) {
        String clean = collapse(title);
        if (clean.isEmpty()) {
            return;
        }
        separate();
        headings.add(new ExtractedDocument.Heading(Math.max(1, Math.min(6, level)), clean, text.length()));
        text.append(clean);
    }

    /** A block of text; its line breaks are kept, spaces inside each line collapsed. */
    void paragraph(String block) {
        StringBuilder clean = new StringBuilder();
        for (String line : block.split("\\R")) {
            String l = collapse(line);
            if (!l.isEmpty()) {
                if (!clean.isEmpty()) {
                    clean.append('\n');
                }
                clean.append(l);
            }
        }
        if (clean.isEmpty()) {
            return;
        }
        separate();
        text.append(clean);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    String firstHeading() {
        return headings.isEmpty() ? null : headings.get(0).title();
    }

    ExtractedDocument build(String title) {
        return new ExtractedDocument(title, text.toString(), headings);
    }

    private void separate() {
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
    }

    static String collapse(String s) {
        if (s == null) {
            return "";
        }
        return s.replace('\u00a0', ' ').replaceAll("[\\t\\x0B\\f\\r ]+", " ").strip();
    }
}
