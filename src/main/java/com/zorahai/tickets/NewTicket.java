package com.zorahai.tickets;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;

/**
 * A ticket to open. Opening the same {@code (tenant, channel, sourceReference)} again gives the first ticket.
 *
 * @param clientId the client, when known; otherwise the requester's email or phone finds (or creates) one
 * @param sourceReference what the channel calls the message that opened the ticket: the inbound email's
 *        {@code Message-ID} (replies are threaded to it), a WhatsApp message id, a helpdesk session id; may be null
 * @param priority {@code null} for {@link TicketPriority#NORMAL}
 * @param openedAt when the requester asked (e.g. when the email arrived); {@code null} for now. The SLA counts from
 *        here
 */
public record NewTicket(TenantId tenantId, String subject, String body, TicketChannel channel, ClientId clientId,
        String requesterEmail, String requesterName, String requesterPhone, String sourceReference,
        TicketPriority priority, Instant openedAt) {

    /** A ticket from an inbound email, threaded to its {@code Message-ID}. */
    public static NewTicket fromEmail(TenantId tenantId, String subject, String body, String fromAddress,
            String fromName, String messageId, Instant receivedAt) {
        return new NewTicket(tenantId, subject, body, TicketChannel.EMAIL, null, fromAddress, fromName, null,
                messageId, null, receivedAt);
    }
}
