package com.zorahai.tickets;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A reply was added to a ticket: staff answering the requester ({@link Direction#OUTBOUND}) or the requester
 * writing again ({@link Direction#INBOUND}).
 *
 * @param firstResponse whether this outbound reply is the ticket's first response
 * @param slaBreached whether the ticket's first response came (or, still missing, is) later than {@code slaDueAt}
 */
public record TicketReplied(TenantId tenantId, TicketId ticketId, UUID replyId, ClientId clientId,
        Direction direction, TicketChannel channel, TicketPriority priority, Instant openedAt, Instant repliedAt,
        boolean firstResponse, Instant slaDueAt, boolean slaBreached) {

    /** Who wrote the reply. */
    public enum Direction {
        /** Staff to the requester. */
        OUTBOUND,
        /** The requester to staff. */
        INBOUND;

        /** The name used in JSON and in the database, e.g. {@code outbound}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
