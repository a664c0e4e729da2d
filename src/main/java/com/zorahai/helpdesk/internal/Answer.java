package com.zorahai.helpdesk.internal;

import com.zorahai.ai.TokenUsage;
import java.util.List;

/**
 * What the helpdesk says to one question, and what it was grounded on.
 *
 * @param type {@code llm}, {@code qa}, {@code extractive}, {@code not_found} or {@code handover}
 * @param searchQuery the question as searched (rewritten with the earlier turns for a follow-up)
 * @param language {@code en}, {@code fr} or {@code ar}
 */
public record Answer(String text, boolean grounded, String type, List<Citation> citations, String searchQuery,
        String language, String model, TokenUsage usage, long latencyMs, boolean handoverOffered) {

    public Answer {
        citations = List.copyOf(citations);
    }

    /** A source the answer used. */
    public record Citation(String id, String kind, String documentId, String title, List<String> headingPath,
            String snippet, int start, int end, double score) {

        public Citation {
            headingPath = List.copyOf(headingPath);
        }
    }

    /** An earlier turn of the conversation. */
    public record Turn(String role, String content) {
    }
}
