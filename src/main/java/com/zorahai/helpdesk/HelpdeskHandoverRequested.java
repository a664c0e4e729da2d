package com.zorahai.helpdesk;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer (or a staff member on their behalf) asked for a person: the support-ticket module opens a ticket from
 * it.
 *
 * @param question the customer's last question the knowledge could not answer (or the last question asked)
 * @param customerName the name given, if any
 * @param customerEmail the email given, if any
 * @param transcriptSummary the latest turns, oldest first, one per line ({@code Customer: ...} / {@code Assistant:
 *        ...}), at most about 2,000 characters
 */
public record HelpdeskHandoverRequested(TenantId tenantId, UUID sessionId, String question, String customerName,
        String customerEmail, String transcriptSummary, Instant requestedAt) {
}
