package com.zorahai.email.outbox;

import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An email a worker has claimed for sending. {@code attempts} counts the attempts made before this one;
 * {@code claimToken} proves the claim when the outcome is written back.
 */
record ClaimedEmail(UUID id, TenantId tenantId, List<String> to, List<String> cc, String subject, String html,
        String text, Map<String, String> headers, int attempts, int maxAttempts, UUID claimToken) {

    /** The number of the attempt about to be made, starting at 1. */
    int attempt() {
        return attempts + 1;
    }
}
