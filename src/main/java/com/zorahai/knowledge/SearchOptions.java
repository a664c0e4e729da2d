package com.zorahai.knowledge;

import java.util.EnumSet;
import java.util.Set;

/**
 * How to search.
 *
 * @param limit how many hits at most (1 to 50)
 * @param kinds which kinds of hits (chunks, Q&A pairs or both)
 */
public record SearchOptions(int limit, Set<HitKind> kinds) {

    public static final int MAX_LIMIT = 50;

    public SearchOptions {
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
        kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(HitKind.class) : EnumSet.copyOf(kinds);
    }

    /** Five hits of every kind. */
    public static SearchOptions defaults() {
        return new SearchOptions(5, null);
    }

    public static SearchOptions top(int limit) {
        return new SearchOptions(limit, null);
    }
}
