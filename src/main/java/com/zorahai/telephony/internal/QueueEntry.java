package com.zorahai.telephony.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A row of {@code outbound_call_queue}.
 *
 * @param timeZone the callee's time zone when it was given; otherwise the zones of the number apply
 * @param status {@code queued}, {@code dialing} (claimed by a worker), {@code in_call} (placed, waiting for its
 *        report), or finished: {@code completed}, {@code refused}, {@code exhausted}, {@code expired},
 *        {@code blocked} (do-not-call), {@code failed} (VAPI refused the call), {@code cancelled}
 */
public record QueueEntry(UUID id, String tenantId, UUID clientId, String phoneNumber, String purpose,
        String assistantKey, String timeZone, Instant earliestAt, Instant latestAt, Instant nextAttemptAt,
        int attempts, int maxAttempts, String status, String lastOutcome, String lastError, String lastCallId,
        UUID callRecordId, Instant leaseUntil, UUID callbackRequestId, Instant createdAt, Instant updatedAt) {

    public static final Set<String> OPEN = Set.of("queued", "dialing", "in_call");

    public boolean open() {
        return OPEN.contains(status);
    }
}
