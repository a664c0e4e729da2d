package com.zorahai.tickets;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * A ticket moved from one status to another (by staff, or by the requester answering a pending or resolved ticket).
 *
 * @param resolvedAt when the ticket was resolved; null unless it is resolved or closed
 * @param slaBreached whether the first response came (or, still missing, is) later than {@code slaDueAt}
 */
public record TicketStatusChanged(TenantId tenantId, TicketId ticketId, ClientId clientId, TicketChannel channel,
        TicketPriority priority, TicketStatus from, TicketStatus to, Instant openedAt, Instant changedAt,
        Instant resolvedAt, Instant slaDueAt, boolean slaBreached) {
}
