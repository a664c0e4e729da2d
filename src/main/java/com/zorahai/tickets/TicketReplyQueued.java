package com.zorahai.tickets;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;

/**
 * Staff answered a WhatsApp or helpdesk ticket whose requester has no email address: the module of that channel
 * delivers the reply (the WhatsApp module to {@code recipientPhone}, the helpdesk to the session named by
 * {@code sourceReference}).
 *
 * @param sourceReference the channel's reference of the message that opened the ticket, if any
 */
public record TicketReplyQueued(TenantId tenantId, TicketId ticketId, UUID replyId, TicketChannel channel,
        String recipientPhone, String sourceReference, String body) {

    @Override
    public String toString() {
        // the body and phone are personal data
        return "TicketReplyQueued[tenantId=" + tenantId + ", ticketId=" + ticketId + ", replyId=" + replyId
                + ", channel=" + channel + "]";
    }
}
