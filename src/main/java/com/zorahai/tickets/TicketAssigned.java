package com.zorahai.tickets;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/**
 * A ticket got a new assignee ({@code null}: nobody).
 *
 * @param previousAssignee who had it before, or null
 * @param assignedBy the user who changed it, or null when the system did
 */
public record TicketAssigned(TenantId tenantId, TicketId ticketId, UUID assignee, UUID previousAssignee,
        UUID assignedBy) {
}
