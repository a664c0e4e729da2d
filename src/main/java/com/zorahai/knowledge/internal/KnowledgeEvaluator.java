package com.zorahai.knowledge.internal;

import com.zorahai.knowledge.EvaluationReport;
import com.zorahai.knowledge.GoldenAnswerer;
import com.zorahai.knowledge.GoldenQuestion;
import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.KnowledgeHit;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.knowledge.SearchResults;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs a golden set: searches each question, collapses the hits to their sources (a document, or a Q&A pair) and
 * finds the rank of the first expected one; then checks the expected keywords in the answer (or, without an
 * answerer, in the retrieved text).
 */
@Component
public class KnowledgeEvaluator {

    static final int DEPTH = 10;

    private final KnowledgeService service;
    private final ObjectProvider<GoldenAnswerer> answerer;

    KnowledgeEvaluator(KnowledgeService service, ObjectProvider<GoldenAnswerer> answerer) {
        this.service = service;
        this.answerer = answerer;
    }

    public EvaluationReport evaluate(TenantId tenant, boolean withAnswers) {
        List<GoldenQuestion> questions = service.goldenSet(tenant);
        if (questions.isEmpty()) {
            throw ProblemException.of(HttpStatus.CONFLICT, "no-golden-set", "No golden set",
                    "The tenant has no golden set: add one with PUT /api/v1/knowledge/golden-set.");
        }
        GoldenAnswerer answers = withAnswers ? answerer.getIfAvailable() : null;
        return evaluate(questions, (q, options) -> service.search(tenant, q, options), answers == null
                ? null
                : q -> answers.answer(tenant, q));
    }

    /** The evaluation itself, over any search function (the tests run it on a bare index). */
    public static EvaluationReport evaluate(List<GoldenQuestion> questions,
            BiFunction<String, SearchOptions, SearchResults> search,
            java.util.function.Function<String, String> answer) {
        List<EvaluationReport.QuestionResult> results = new ArrayList<>();
        double hit1 = 0;
        double hit5 = 0;
        double reciprocal = 0;
        int keywordsWanted = 0;
        int keywordsFound = 0;
        String ranking = "bm25";
        for (GoldenQuestion q : questions) {
            SearchResults found = search.apply(q.question(), SearchOptions.top(SearchOptions.MAX_LIMIT));
            ranking = found.ranking();
            List<Source> sources = sources(found.hits());
            Integer rank = null;
            for (int i = 0; i < Math.min(DEPTH, sources.size()); i++) {
                if (sources.get(i).matches(q)) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank != null) {
                hit1 += rank == 1 ? 1 : 0;
                hit5 += rank <= 5 ? 1 : 0;
                reciprocal += 1.0 / rank;
            }
            List<String> present = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            if (!q.keywords().isEmpty()) {
                String text = answer != null ? answer.apply(q.question()) : retrievedText(found.hits());
                String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
                for (String keyword : q.keywords()) {
                    (lower.contains(keyword.toLowerCase(Locale.ROOT)) ? present : missing).add(keyword);
                }
                keywordsWanted += q.keywords().size();
                keywordsFound += present.size();
            }
            results.add(new EvaluationReport.QuestionResult(q.question(), rank, sources.stream().limit(DEPTH).map(
                    Source::label).toList(), present, missing));
        }
        int n = questions.size();
        return new EvaluationReport(n, round(hit1 / n), round(hit5 / n), round(reciprocal / n),
                keywordsWanted == 0 ? null : round((double) keywordsFound / keywordsWanted), ranking, answer != null
                        ? "answers"
                        : "retrieval",
                results);
    }

    private record Source(HitKind kind, String id, String key) {

        boolean matches(GoldenQuestion q) {
            List<String> expected = kind == HitKind.QA ? q.expectedQa() : q.expectedDocuments();
            return expected.contains(id) || key != null && expected.contains(key);
        }

        String label() {
            return (kind == HitKind.QA ? "qa:" : "document:") + (key != null ? key : id);
        }
    }

    private static List<Source> sources(List<KnowledgeHit> hits) {
        Map<String, Source> sources = new LinkedHashMap<>();
        for (KnowledgeHit hit : hits) {
            sources.putIfAbsent(hit.kind() + ":" + hit.documentId(), new Source(hit.kind(), hit.documentId(), hit
                    .key()));
        }
        return List.copyOf(sources.values());
    }

    private static String retrievedText(List<KnowledgeHit> hits) {
        StringBuilder text = new StringBuilder();
        hits.stream().limit(3).forEach(h -> text.append(h.title()).append('\n').append(h.text()).append('\n'));
        return text.toString();
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
