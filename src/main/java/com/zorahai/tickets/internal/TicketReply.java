package com.zorahai.tickets.internal;

import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.TicketReplied.Direction;
import java.time.Instant;
import java.util.UUID;

/**
 * A message of a ticket's conversation after its opening one.
 *
 * @param authorId the staff member who wrote an outbound reply
 * @param fromAddress who wrote an inbound reply (an email address or a phone)
 * @param toAddress where an outbound reply was emailed
 * @param delivery {@code email} (through the outbox, {@code emailId}), {@code channel} (handed to the channel's
 *        module) or {@code none} (an inbound reply)
 * @param sourceReference the message's own id: our {@code Message-ID} of an emailed reply, the requester's
 *        {@code Message-ID} of an inbound one
 */
public record TicketReply(UUID id, TicketId ticketId, Direction direction, String body, UUID authorId,
        String fromAddress, String fromName, String toAddress, String delivery, UUID emailId,
        String sourceReference, Instant createdAt) {

    static final String EMAIL = "email";
    static final String CHANNEL = "channel";
    static final String NONE = "none";
}
