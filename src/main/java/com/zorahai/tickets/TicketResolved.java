package com.zorahai.tickets;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * A ticket was resolved; published with the {@link TicketStatusChanged} of that change, again after each reopening.
 *
 * @param firstResponseAt the first reply to the requester, or the resolution when it came first
 * @param slaBreached whether that first response came later than {@code slaDueAt}
 */
public record TicketResolved(TenantId tenantId, TicketId ticketId, ClientId clientId, TicketChannel channel,
        TicketPriority priority, Instant openedAt, Instant firstResponseAt, Instant resolvedAt, Instant slaDueAt,
        boolean slaBreached) {
}
