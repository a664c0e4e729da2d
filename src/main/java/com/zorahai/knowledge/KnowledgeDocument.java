package com.zorahai.knowledge;

import java.time.Instant;

/**
 * A document of a tenant's knowledge (without its text).
 *
 * @param key a stable name (the shipped file name, or one given on upload), or null
 * @param source {@code upload}, {@code shipped} or {@code api}
 * @param format {@code text}, {@code markdown}, {@code html}, {@code pdf} or {@code docx}
 */
public record KnowledgeDocument(String id, String key, String title, String source, String filename,
        String contentType, String format, long sizeBytes, String sha256, int chunkCount, Instant createdAt,
        Instant updatedAt) {
}
