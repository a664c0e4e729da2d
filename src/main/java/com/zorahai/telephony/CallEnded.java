package com.zorahai.telephony;

import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A call answered or placed by a voice assistant ended and its report was stored. Published once per call.
 *
 * @param callId the call record's id ({@code GET /api/v1/calls/{id}})
 * @param vapiCallId VAPI's id of the call
 * @param clientId the client the caller's phone belongs to, when one matched
 * @param direction {@code inbound}, {@code outbound} or {@code web}
 * @param endedReason VAPI's reason, e.g. {@code customer-ended-call}
 * @param outcome {@code completed}, {@code no_answer}, {@code busy}, {@code voicemail}, {@code refused} or
 *        {@code failed}
 * @param cost what VAPI charged (USD), when reported
 */
public record CallEnded(TenantId tenantId, UUID callId, String vapiCallId, ClientId clientId, String direction,
        Integer durationSeconds, String endedReason, String outcome, Money cost, Instant startedAt,
        Instant endedAt) {
}
