package com.zorahai.tickets.internal;

import com.zorahai.crm.ClientDataContributor;
import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The {@code tickets} section of a client's privacy export: every ticket of the client with its conversation.
 */
@Component
class TicketExports implements ClientDataContributor {

    private final TicketRecords records;

    TicketExports(TicketRecords records) {
        this.records = records;
    }

    /** A ticket as the export shows it. */
    record ExportedTicket(String id, String subject, String body, String channel, String status, String priority,
            String requesterEmail, String requesterName, String requesterPhone, String sourceReference,
            Instant openedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt, Instant erasedAt,
            List<ExportedReply> replies) {
    }

    /** A message of a ticket's conversation as the export shows it. */
    record ExportedReply(UUID id, String direction, String body, String fromAddress, String fromName,
            String toAddress, Instant createdAt) {
    }

    @Override
    public String section() {
        return "tickets";
    }

    @Override
    public List<ExportedTicket> export(TenantId tenantId, ClientId clientId) {
        return records.forClient(tenantId, clientId).entrySet().stream().map(TicketExports::exported).toList();
    }

    private static ExportedTicket exported(Map.Entry<Ticket, List<TicketReply>> entry) {
        Ticket t = entry.getKey();
        return new ExportedTicket(t.id().toString(), t.subject(), t.body(), t.channel().value(), t.status().value(),
                t.priority().value(), t.requesterEmail(), t.requesterName(), t.requesterPhone(),
                t.sourceReference(), t.openedAt(), t.firstResponseAt(), t.resolvedAt(), t.closedAt(), t.erasedAt(),
                entry.getValue().stream().map(r -> new ExportedReply(r.id(), r.direction().value(), r.body(),
                        r.fromAddress(), r.fromName(), r.toAddress(), r.createdAt())).toList());
    }
}
