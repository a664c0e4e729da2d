package com.zorahai.telephony;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * A caller asked the voice assistant to open a support ticket. The tickets module creates it; a redelivery carries
 * the same {@code requestId}, so it creates one ticket.
 *
 * @param requestId stable id of the request: the VAPI tool call id
 * @param priority {@code low}, {@code normal}, {@code high} or {@code urgent}
 */
public record TicketRequestedByCall(TenantId tenantId, String requestId, String vapiCallId, ClientId clientId,
        String phone, String subject, String description, String priority, Instant requestedAt) {
}
