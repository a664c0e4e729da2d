package com.zorahai.tickets.internal;

import com.zorahai.helpdesk.HelpdeskHandoverRequested;
import com.zorahai.intake.IntakeRequests;
import com.zorahai.intake.SupportRequestReceived;
import com.zorahai.tickets.InboundReply;
import com.zorahai.tickets.NewTicket;
import com.zorahai.tickets.TicketChannel;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.Tickets;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a ticket when another channel hands a customer over to a person: a support email read by intake, or a
 * helpdesk session whose question the knowledge could not answer. One ticket per email or session, however often
 * the event is delivered.
 */
@Component
class ChannelHandovers {

    private static final Logger log = LoggerFactory.getLogger(ChannelHandovers.class);
    private static final int SUBJECT_LENGTH = 120;

    private final Tickets tickets;
    private final IntakeRequests intake;

    ChannelHandovers(Tickets tickets, IntakeRequests intake) {
        this.tickets = tickets;
        this.intake = intake;
    }

    /**
     * A support email: added to the ticket it answers (its {@code In-Reply-To} / {@code References} name the ticket's
     * opening message or one of its replies, and the ticket is not closed), else a new ticket threaded on its
     * Message-ID. Either way the ticket's id is recorded on the intake request.
     */
    @ApplicationModuleListener
    void on(SupportRequestReceived request) {
        String reference = request.messageId() != null
                ? request.messageId()
                : "inbound-email:" + request.inboundEmailId();
        if (!request.references().isEmpty()) {
            String from = request.fromName() == null || request.fromAddress() == null
                    ? request.fromAddress()
                    : request.fromName() + " <" + request.fromAddress() + ">";
            Optional<TicketId> answered = tickets.addInboundReply(new InboundReply(request.tenantId(), null,
                    request.references(), reference, request.bodyText(), from, request.receivedAt()));
            if (answered.isPresent()) {
                intake.recordTicket(request.tenantId(), request.inboundEmailId(), answered.get().toString());
                log.info("Support email {} added to ticket {}", request.inboundEmailId(), answered.get());
                return;
            }
        }
        String subject = request.subject() == null || request.subject().isBlank()
                ? "(no subject)"
                : request.subject().strip();
        String body = request.bodyText() == null || request.bodyText().isBlank() ? subject : request.bodyText();
        NewTicket ticket = NewTicket.fromEmail(request.tenantId(), shorten(subject), body, request.fromAddress(),
                request.fromName(), reference, request.receivedAt() == null ? Instant.now() : request.receivedAt());
        if (request.clientId() != null) {
            ticket = new NewTicket(ticket.tenantId(), ticket.subject(), ticket.body(), ticket.channel(),
                    request.clientId(), ticket.requesterEmail(), ticket.requesterName(), ticket.requesterPhone(),
                    ticket.sourceReference(), ticket.priority(), ticket.openedAt());
        }
        TicketId id = tickets.open(ticket);
        intake.recordTicket(request.tenantId(), request.inboundEmailId(), id.toString());
        log.info("Support email {} opened as ticket {}", request.inboundEmailId(), id);
    }

    @ApplicationModuleListener
    void on(HelpdeskHandoverRequested handover) {
        String question = handover.question() == null || handover.question().isBlank()
                ? null
                : handover.question().strip();
        String subject = question == null
                ? "Helpdesk: a customer asked for a person"
                : "Helpdesk: " + shorten(question.replaceAll("\\s+", " "));
        StringBuilder body = new StringBuilder();
        if (question != null) {
            body.append("Question: ").append(question).append("\n\n");
        }
        if (handover.transcriptSummary() != null && !handover.transcriptSummary().isBlank()) {
            body.append("Conversation:\n").append(handover.transcriptSummary().strip());
        }
        TicketId id = tickets.open(new NewTicket(handover.tenantId(), subject,
                body.isEmpty() ? subject : body.toString(), TicketChannel.HELPDESK, null, handover.customerEmail(),
                handover.customerName(), null, "helpdesk:" + handover.sessionId(), null, handover.requestedAt()));
        log.info("Helpdesk session {} handed over as ticket {}", handover.sessionId(), id);
    }

    private static String shorten(String text) {
        return text.length() <= SUBJECT_LENGTH ? text : text.substring(0, SUBJECT_LENGTH - 1) + "…";
    }
}
