package com.zorahai.helpdesk;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * The helpdesk answered a customer, for analytics and cost per tenant.
 *
 * @param grounded whether the answer came from the knowledge (false: "I don't know" with an offer to hand over)
 * @param answerType {@code llm}, {@code qa}, {@code extractive} or {@code not_found}
 * @param model the LLM that wrote the answer, null when none did
 */
public record HelpdeskAnswered(TenantId tenantId, UUID sessionId, UUID messageId, boolean grounded,
        String answerType, long latencyMs, String model, long promptTokens, long completionTokens,
        Instant answeredAt) {
}
