package com.zorahai.assistant.internal;

import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.KnowledgeHit;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.tenancy.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers from the clinic's knowledge without a model: the best Q&A pair or document passage that covers enough of
 * the question ({@code zorah.assistant.min-coverage}) and scores high enough ({@code min-score}), preferring one
 * written in the customer's language, then the one that covers most of the question, then the best score. A search
 * that fails counts as no answer.
 */
@Component("assistantKnowledgeAnswers")
class KnowledgeAnswers {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeAnswers.class);
    static final int MAX_QUERY = 1000;
    static final int MAX_PASSAGE = 700;

    private final Knowledge knowledge;
    private final AssistantProperties properties;
    private final Isolated isolated;
    private final LanguageDetector languages = new LanguageDetector();

    KnowledgeAnswers(Knowledge knowledge, AssistantProperties properties, Isolated isolated) {
        this.knowledge = knowledge;
        this.properties = properties;
        this.isolated = isolated;
    }

    /** An answer found in the knowledge. */
    record Answer(String text, String hitId, HitKind kind, double score) {
    }

    Optional<Answer> answer(TenantId tenant, String question, Language language) {
        List<KnowledgeHit> good = search(tenant, question, 5).stream()
                .filter(h -> h.coverage() >= properties.minCoverage() && h.score() >= properties.minScore())
                .toList();
        if (good.isEmpty()) {
            return Optional.empty();
        }
        // BM25 favours long texts that repeat the words; for a chat question, covering all of it matters more
        Comparator<KnowledgeHit> ranking = Comparator
                .comparing((KnowledgeHit h) -> languages.detect(h.text()).orElse(Language.EN) == language)
                .thenComparingDouble(KnowledgeHit::coverage)
                .thenComparingDouble(KnowledgeHit::score);
        KnowledgeHit best = good.stream().max(ranking).orElseThrow();
        String text = best.kind() == HitKind.QA ? best.text().strip() : passage(best.text());
        return Optional.of(new Answer(text, best.id(), best.kind(), best.score()));
    }

    /** The hits for a query, best first; empty when the query is blank or the search fails. */
    List<KnowledgeHit> search(TenantId tenant, String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        try {
            return isolated.call(() -> knowledge.search(tenant, q, SearchOptions.top(limit)).hits());
        } catch (RuntimeException e) {
            log.warn("Knowledge search failed for tenant {} ({})", tenant.value(), e.getClass().getSimpleName());
            return List.of();
        }
    }

    Optional<String> styleGuide(TenantId tenant) {
        try {
            return isolated.call(() -> knowledge.styleGuide(tenant)).filter(s -> !s.isBlank());
        } catch (RuntimeException e) {
            log.warn("Style guide unavailable for tenant {} ({})", tenant.value(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** A document passage short enough for a chat message, cut at the end of a sentence. */
    static String passage(String text) {
        String t = text.strip().replaceAll("\\s*\\n\\s*", "\n");
        if (t.length() <= MAX_PASSAGE) {
            return t;
        }
        String head = t.substring(0, MAX_PASSAGE);
        int end = Math.max(Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n")),
                Math.max(head.lastIndexOf("؟"), head.lastIndexOf("! ")));
        return end > MAX_PASSAGE / 3 ? head.substring(0, end + 1) : head.stripTrailing() + "…";
    }
}
