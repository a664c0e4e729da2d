package com.zorahai.tickets;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message from the requester answering a ticket, found either by its id or by the message ids it refers to.
 *
 * @param ticketId the ticket, when the caller knows it; otherwise {@code references} find it
 * @param references the {@code In-Reply-To} and {@code References} message ids of an email (or the channel's
 *        reference of the message answered); a ticket whose source or one of whose replies has one of them matches
 * @param sourceReference the id of this message ({@code Message-ID}); the same message added twice is added once
 * @param from who wrote, {@code "Name <address>"} or a bare address or phone
 * @param receivedAt when it arrived; {@code null} for now
 */
public record InboundReply(TenantId tenantId, TicketId ticketId, List<String> references, String sourceReference,
        String body, String from, Instant receivedAt) {

    public InboundReply {
        references = references == null ? List.of() : references.stream().filter(Objects::nonNull).toList();
    }
}
