package com.zorahai.analytics;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Staff turned a group of unanswered questions into a question-and-answer pair for the tenant's knowledge. The
 * knowledge module adds the pair; the group is already marked resolved here.
 *
 * @param groupId the unanswered-question group the pair comes from (a stable key for idempotent handling)
 * @param tags labels for the pair, possibly empty
 * @param sourceEventIds the analytics events of the questions in the group
 * @param suggestedBy the user who wrote the answer, when known
 */
public record QaPairSuggested(TenantId tenantId, UUID groupId, String question, String answer, List<String> tags,
        List<UUID> sourceEventIds, UUID suggestedBy, Instant suggestedAt) {

    public QaPairSuggested {
        tags = tags == null ? List.of() : List.copyOf(tags);
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }
}
