package com.zorahai.analytics;

import com.zorahai.analytics.internal.UnansweredGroups;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions the bot or the helpdesk could not answer, grouped by similarity, and the way to turn a group into a
 * question-and-answer pair for the tenant's knowledge ({@link QaPairSuggested}).
 */
@Service
public class UnansweredQuestions {

    static final int MAX_ANSWER = 4000;
    static final int MAX_QUESTION = 1000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;

    private final UnansweredGroups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UnansweredQuestions(UnansweredGroups groups, ApplicationEventPublisher events, Clock clock) {
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What turns a group into a Q&amp;A pair.
     *
     * @param question the question as it should be stored; the group's first question when blank
     * @param answer the answer, required
     * @param tags labels for the pair, may be null
     */
    public record QaDraft(String question, String answer, List<String> tags) {
    }

    /** The tenant's groups, the most asked first; {@code status} {@code open}, {@code resolved} or null for all. */
    @Transactional(readOnly = true)
    public Page<UnansweredQuestion> list(TenantId tenant, String status, int page, int size) {
        if (status != null && !UnansweredQuestion.OPEN.equals(status) && !UnansweredQuestion.RESOLVED.equals(status)) {
            throw ProblemException.invalidField("status", "must be open or resolved");
        }
        return groups.page(tenant, status, page, size);
    }

    /** One group of the tenant, if it has it. */
    @Transactional(readOnly = true)
    public Optional<UnansweredQuestion> find(TenantId tenant, UUID id) {
        return groups.find(tenant, id);
    }

    /** The open groups asked most in {@code [from, to)}, with the number of times they were asked then. */
    @Transactional(readOnly = true)
    public List<UnansweredQuestion> top(TenantId tenant, Instant from, Instant to, int limit) {
        return groups.top(tenant, from, to, Math.max(0, limit));
    }

    /**
     * Marks the group resolved with this answer and publishes {@link QaPairSuggested} for the knowledge module, in
     * one transaction. 404 when the tenant has no such group, 409 {@code unanswered-question-resolved} when it was
     * resolved already, 400 naming the field for a missing answer or bad tags.
     */
    @Transactional
    public UnansweredQuestion toQa(TenantId tenant, UUID id, QaDraft draft, UUID userId) {
        String answer = draft == null || draft.answer() == null ? "" : draft.answer().strip();
        if (answer.isEmpty()) {
            throw ProblemException.invalidField("answer", "is required");
        }
        if (answer.length() > MAX_ANSWER) {
            throw ProblemException.invalidField("answer", "must be at most " + MAX_ANSWER + " characters");
        }
        String question = draft.question() == null ? "" : draft.question().strip();
        if (question.length() > MAX_QUESTION) {
            throw ProblemException.invalidField("question", "must be at most " + MAX_QUESTION + " characters");
        }
        List<String> tags = tags(draft.tags());
        UnansweredQuestion group = groups.find(tenant, id).orElseThrow(() -> notFound(id));
        if (!groups.lockOpen(tenant, id)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "unanswered-question-resolved",
                    "Unanswered question resolved", "This question was turned into a Q&A pair already.")
                    .with("id", id.toString());
        }
        Instant now = clock.instant();
        groups.resolve(id, answer, userId, now);
        events.publishEvent(new QaPairSuggested(tenant, id, question.isEmpty() ? group.question() : question,
                answer, tags, groups.eventIds(id), userId, now));
        return groups.find(tenant, id).orElseThrow(() -> notFound(id));
    }

    private static List<String> tags(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_TAGS) {
            throw ProblemException.invalidField("tags", "at most " + MAX_TAGS + " tags");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String tag = given.get(i) == null ? "" : given.get(i).strip();
            if (tag.isEmpty() || tag.length() > MAX_TAG) {
                throw ProblemException.invalidField("tags[" + i + "]", "must be 1 to " + MAX_TAG + " characters");
            }
            tags.add(tag);
        }
        return new ArrayList<>(tags);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("unanswered-question", id);
    }
}
