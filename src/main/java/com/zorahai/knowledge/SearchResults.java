package com.zorahai.knowledge;

import java.util.List;

/**
 * The hits of one search, best first.
 *
 * @param ranking {@code bm25} (text only) or {@code hybrid} (text and vectors fused by reciprocal rank)
 * @param language the language the query was read in ({@code en}, {@code fr}, {@code ar})
 */
public record SearchResults(List<KnowledgeHit> hits, String ranking, String language) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
