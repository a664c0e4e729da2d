package com.zorahai.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A question and its answer, searchable by both.
 *
 * @param key a stable name (from the shipped {@code qa_database.json} or given by the caller), or null
 * @param source {@code api}, {@code shipped}, {@code import} or {@code analytics}
 */
public record QaPair(String id, String key, String question, String answer, List<String> tags, String source,
        Instant createdAt, Instant updatedAt) {

    public QaPair {
        tags = List.copyOf(tags);
    }
}
