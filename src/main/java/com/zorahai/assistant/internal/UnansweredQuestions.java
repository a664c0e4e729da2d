package com.zorahai.assistant.internal;

import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The questions the assistant could not answer, newest first, for the clinic's trainer to answer and dismiss. */
@Service("assistantUnansweredQuestions")
public class UnansweredQuestions {

    private final AssistantStore store;

    UnansweredQuestions(AssistantStore store) {
        this.store = store;
    }

    /** One question. */
    public record Question(UUID id, UUID conversationId, String question, String language, Instant createdAt) {
    }

    public Page<Question> page(TenantId tenant, int page, int size) {
        return store.unanswered(tenant, page, size)
                .map(u -> new Question(u.id(), u.conversationId(), u.question(), u.language(), u.createdAt()));
    }

    /** One question; 404 when it is not the tenant's. */
    public Question get(TenantId tenant, UUID id) {
        return store.findUnanswered(tenant, id)
                .map(u -> new Question(u.id(), u.conversationId(), u.question(), u.language(), u.createdAt()))
                .orElseThrow(() -> ProblemException.notFound("unanswered-question", id));
    }

    /** Dismisses a question (answered in the knowledge, or not worth it); 404 when it is not the tenant's. */
    public void dismiss(TenantId tenant, UUID id) {
        if (!store.deleteUnanswered(tenant, id)) {
            throw ProblemException.notFound("unanswered-question", id);
        }
    }
}
