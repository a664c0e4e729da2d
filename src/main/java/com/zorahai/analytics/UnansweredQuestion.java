package com.zorahai.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group of similar questions the bot or the helpdesk could not answer.
 *
 * @param question the first question asked in the group, as the customer wrote it
 * @param occurrences how many times a question of the group was asked
 * @param channels where the questions came from: {@code whatsapp}, {@code helpdesk}
 * @param examples up to five different wordings, newest first
 * @param status {@code open}, or {@code resolved} once turned into a Q&amp;A pair
 * @param answer the answer given when it was resolved
 */
public record UnansweredQuestion(UUID id, String question, int occurrences, Instant firstAskedAt,
        Instant lastAskedAt, List<String> channels, List<String> examples, String status, String answer,
        Instant resolvedAt) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
}
