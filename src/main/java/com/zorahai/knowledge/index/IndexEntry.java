package com.zorahai.knowledge.index;

import com.zorahai.knowledge.HitKind;
import java.util.List;

/**
 * What the index holds for one chunk or one Q&A pair.
 *
 * @param documentId the document of a chunk, or the pair's own id: deleting by it removes the whole source
 * @param title the document title, or the question
 * @param text the chunk text, or the answer
 */
public record IndexEntry(String id, HitKind kind, String documentId, String key, String title,
        List<String> headingPath, int start, int end, String text) {

    public IndexEntry {
        headingPath = List.copyOf(headingPath);
        key = key == null ? "" : key;
    }

    /** The text a vector is made of: title, headings and body together. */
    String embeddingText() {
        StringBuilder b = new StringBuilder(title);
        for (String heading : headingPath) {
            b.append(" > ").append(heading);
        }
        return b.append('\n').append(text).toString();
    }
}
