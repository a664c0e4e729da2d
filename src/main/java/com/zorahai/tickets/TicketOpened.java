package com.zorahai.tickets;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * A ticket was opened (once per ticket: opening the same source again publishes nothing).
 *
 * @param clientId the client the ticket belongs to, if any
 * @param slaDueAt when a first response is due, from the tenant's business hours and the priority
 */
public record TicketOpened(TenantId tenantId, TicketId ticketId, ClientId clientId, TicketChannel channel,
        TicketPriority priority, Instant openedAt, Instant slaDueAt) {
}
