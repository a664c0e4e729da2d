package com.zorahai.intake;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An inbound email asks for support (a question or problem about a booking or the service) and should become a
 * ticket. Published once per email, in the transaction that records it, so a listener gets it even after a crash.
 * A listener that opens a ticket may report its reference back through {@link IntakeRequests#recordTicket}.
 *
 * @param messageId the email's {@code Message-ID}, {@code null} when it had none
 * @param fromAddress the sender's address, lower case
 * @param fromName the sender's display name, {@code null} when the {@code From} header has none
 * @param bodyText the plain-text body (the HTML body as text when there is no plain one)
 * @param clientId the client the sender's address belongs to, {@code null} when it belongs to none
 * @param references the message ids the email answers, from its {@code In-Reply-To} and then its {@code References}
 *        header (newest first, without angle brackets, at most 20); empty when it answers nothing, so that a reply
 *        to a ticket's email can join that ticket
 * @param receivedAt when the email arrived
 */
public record SupportRequestReceived(TenantId tenantId, UUID inboundEmailId, String messageId, String fromAddress,
        String fromName, String subject, String bodyText, ClientId clientId, List<String> references,
        Instant receivedAt) {

    public SupportRequestReceived {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
