package com.zorahai.knowledge;

import com.zorahai.knowledge.index.Languages;
import com.zorahai.knowledge.internal.KnowledgeService;
import com.zorahai.tenancy.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A tenant's knowledge, for the modules that answer customers (helpdesk, WhatsApp assistant) and for analytics:
 * ranked search over document chunks and Q&A pairs, the style guide answers should follow, and new Q&A pairs.
 */
@Service
public class Knowledge {

    private final KnowledgeService service;

    Knowledge(KnowledgeService service) {
        this.service = service;
    }

    /**
     * The chunks and pairs that best match {@code query}, best first, with what a citation needs. A 400 problem
     * naming {@code query} when it is blank or longer than 1,000 characters.
     */
    public SearchResults search(TenantId tenant, String query, SearchOptions options) {
        return service.search(tenant, query, options == null ? SearchOptions.defaults() : options);
    }

    /** The language a text is read in for search: {@code en}, {@code fr} or {@code ar}. */
    public String languageOf(String text) {
        return Languages.detect(text);
    }

    /** How the tenant's answers should sound, if it wrote a style guide. */
    public Optional<String> styleGuide(TenantId tenant) {
        return service.styleGuide(tenant);
    }

    /**
     * Adds a question and answer, searchable at once. A 400 problem naming the field when the question or answer is
     * missing or too long; 409 when its key is taken.
     */
    public QaPair addQa(TenantId tenant, NewQaPair pair) {
        return service.addQa(tenant, pair);
    }

    /**
     * Adds a question and answer unless the tenant has a pair with its key already; then nothing changes and the
     * result is empty. Meant for event handlers, where the same pair may arrive twice. A 400 problem naming the field
     * when the question or answer is missing or too long.
     */
    public Optional<QaPair> addQaIfAbsent(TenantId tenant, NewQaPair pair) {
        return service.addQaIfAbsent(tenant, pair);
    }
}
