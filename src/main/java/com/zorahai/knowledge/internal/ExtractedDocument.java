package com.zorahai.knowledge.internal;

import java.util.List;

/**
 * The readable text of a document with its headings: what is stored, chunked and cited. Offsets of chunks and
 * headings point into {@link #text()}.
 *
 * @param title the document's own title when it names one (HTML title, PDF or DOCX properties, first heading), else
 *        null
 */
public record ExtractedDocument(String title, String text, List<Heading> headings) {

    public ExtractedDocument {
        headings = List.copyOf(headings);
    }

    /** A heading line: its level (1 is the highest), its text, and where the line starts in the text. */
    public record Heading(int level, String title, int offset) {
    }
}
