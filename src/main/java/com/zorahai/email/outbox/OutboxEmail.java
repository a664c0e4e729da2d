package com.zorahai.email.outbox;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An outbox row as the API shows it. {@code html} and {@code text} are null in lists.
 */
public record OutboxEmail(UUID id, TenantId tenantId, List<String> to, List<String> cc, String subject,
        String html, String text, String template, EmailStatus status, int attempts, int maxAttempts,
        Instant nextAttemptAt, String lastError, String providerMessageId, String idempotencyKey,
        Instant createdAt, Instant sentAt) {
}
