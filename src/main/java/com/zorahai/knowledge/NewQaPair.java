package com.zorahai.knowledge;

import java.util.List;

/**
 * A question and answer to add.
 *
 * @param key an optional stable name, unique in the tenant
 * @param source who adds it: {@code api}, {@code import} or {@code analytics} (unanswered questions turned into
 *        pairs)
 */
public record NewQaPair(String question, String answer, List<String> tags, String key, String source) {

    public NewQaPair {
        tags = tags == null ? List.of() : List.copyOf(tags);
        source = source == null ? "api" : source;
    }

    public static NewQaPair of(String question, String answer, List<String> tags) {
        return new NewQaPair(question, answer, tags, null, "api");
    }
}
