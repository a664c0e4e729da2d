package com.zorahai.knowledge;

import java.util.List;

/**
 * One question of a tenant's golden set: what should answer it. Documents and pairs are named by id or by key
 * ({@code knowledge_base.txt}, {@code hours}); a question is answered well when one of them ranks high.
 *
 * @param keywords words the answer should contain (compared without regard to case)
 */
public record GoldenQuestion(String question, List<String> expectedDocuments, List<String> expectedQa,
        List<String> keywords) {

    public GoldenQuestion {
        expectedDocuments = expectedDocuments == null ? List.of() : List.copyOf(expectedDocuments);
        expectedQa = expectedQa == null ? List.of() : List.copyOf(expectedQa);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
