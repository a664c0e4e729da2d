package com.zorahai.helpdesk;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's question the tenant's knowledge did not answer: analytics collects these so staff can turn them into
 * Q&A pairs.
 *
 * @param language {@code en}, {@code fr} or {@code ar}, as the question was read
 */
public record UnansweredQuestion(TenantId tenantId, UUID sessionId, String question, String language,
        Instant askedAt) {
}
