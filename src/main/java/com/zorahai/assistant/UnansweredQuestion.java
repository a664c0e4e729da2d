package com.zorahai.assistant;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A customer asked something the assistant could not answer; the clinic's trainer should add the answer. */
public record UnansweredQuestion(TenantId tenantId, UUID conversationId, String question, String language,
        Instant at) {
}
