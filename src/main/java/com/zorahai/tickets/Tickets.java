package com.zorahai.tickets;

import com.zorahai.tenancy.TenantId;
import com.zorahai.tickets.internal.TicketRecords;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Tickets for other modules: open one from an inbound message, and add the requester's later messages to it. Both
 * join the caller's transaction and are idempotent on the channel's message references.
 */
@Service
public class Tickets {

    private final TicketRecords records;

    Tickets(TicketRecords records) {
        this.records = records;
    }

    /**
     * Opens a ticket, or gives the ticket already opened from the same {@code (tenant, channel, sourceReference)}.
     * Without a client id, the requester's email or phone finds (or creates) the client. The SLA due time comes
     * from the tenant's business hours. Publishes {@link TicketOpened} for a new ticket only.
     *
     * @throws com.zorahai.platform.ProblemException 400 naming the field for a missing subject (and body) or
     *         channel, an invalid email or phone, or an unknown client
     */
    public TicketId open(NewTicket ticket) {
        return records.open(ticket).ticket().id();
    }

    /**
     * Adds a message of the requester to a ticket, found by id or by the message ids it refers to; a pending or
     * resolved ticket opens again. The same {@code sourceReference} twice is added once.
     *
     * @return the ticket the message was added to; empty when none matches or it is closed or erased, in which case
     *         the caller opens a new ticket
     */
    public Optional<TicketId> addInboundReply(InboundReply reply) {
        return records.addInbound(reply);
    }

    /** Adds a message of {@code from} to this ticket; see {@link #addInboundReply(InboundReply)}. */
    public Optional<TicketId> addInboundReply(TenantId tenant, TicketId ticket, String body, String from) {
        return records.addInbound(new InboundReply(tenant, ticket, List.of(), null, body, from, null));
    }

    /**
     * Adds a message of {@code from} to the ticket whose opening message or replies carry {@code reference} (e.g.
     * the {@code In-Reply-To} of an email); see {@link #addInboundReply(InboundReply)}.
     */
    public Optional<TicketId> addInboundReply(TenantId tenant, String reference, String body, String from) {
        return records.addInbound(new InboundReply(tenant, null, reference == null ? List.of() : List.of(reference),
                null, body, from, null));
    }
}
