package com.zorahai.knowledge;

import java.util.List;

/**
 * One ranked search hit, with what a citation needs.
 *
 * @param id the chunk id ({@code <document id>:<ordinal>}) or the Q&A pair id
 * @param documentId the document of a chunk; the Q&A pair id for a pair
 * @param key the stable key of the document or pair ({@code knowledge_base.txt}, {@code hours}), when it has one
 * @param title the document title, or the question of a pair
 * @param headingPath the headings above the chunk, outermost first (empty for pairs)
 * @param snippet a short extract around the best matching words
 * @param text the whole chunk, or the answer of a pair
 * @param start where the chunk starts in the document text (0 for pairs)
 * @param end where it ends (exclusive)
 * @param score the ranking score: BM25, or the reciprocal-rank-fusion score when ranking is hybrid
 * @param bm25Score the BM25 score, null when only the vector search found the hit
 * @param vectorScore the vector similarity, null when vectors were not used or did not find the hit
 * @param coverage the share (0 to 1) of the query's content words that the hit contains
 */
public record KnowledgeHit(String id, HitKind kind, String documentId, String key, String title,
        List<String> headingPath, String snippet, String text, int start, int end, double score, Double bm25Score,
        Double vectorScore, double coverage) {

    public KnowledgeHit {
        headingPath = List.copyOf(headingPath);
    }
}
