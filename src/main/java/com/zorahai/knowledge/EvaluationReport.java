package com.zorahai.knowledge;

import java.util.List;

/**
 * How well retrieval answers a golden set.
 *
 * @param hitAt1 the share of questions whose first source is an expected one
 * @param hitAt5 the share with an expected source among the first five
 * @param mrr the mean reciprocal rank of the first expected source (0 when not in the first ten)
 * @param keywordMatch the share of expected answer keywords found (over the questions that name some), null when
 *        none do
 * @param answeredBy {@code answers} when the keywords were looked for in real answers, {@code retrieval} when in the
 *        retrieved text
 */
public record EvaluationReport(int questions, double hitAt1, double hitAt5, double mrr, Double keywordMatch,
        String ranking, String answeredBy, List<QuestionResult> results) {

    public EvaluationReport {
        results = List.copyOf(results);
    }

    /**
     * @param rank the 1-based rank of the first expected source, null when it is not in the first ten
     * @param sources the ranked sources (document or pair keys or ids), first ten
     * @param keywordsFound the expected keywords found
     */
    public record QuestionResult(String question, Integer rank, List<String> sources, List<String> keywordsFound,
            List<String> keywordsMissing) {

        public QuestionResult {
            sources = List.copyOf(sources);
            keywordsFound = List.copyOf(keywordsFound);
            keywordsMissing = List.copyOf(keywordsMissing);
        }
    }
}
