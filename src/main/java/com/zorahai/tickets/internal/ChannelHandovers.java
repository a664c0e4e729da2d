package com.zorahai.tickets.internal;

import com.zorahai.helpdesk.HelpdeskHandoverRequested;
import com.zorahai.tickets.NewTicket;
import com.zorahai.tickets.TicketChannel;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a ticket when another channel hands a customer over to a person: a helpdesk session whose question the
 * knowledge could not answer. One ticket per session, however often the hand-over is delivered.
 */
@Component
class ChannelHandovers {

    private static final Logger log = LoggerFactory.getLogger(ChannelHandovers.class);
    private static final int SUBJECT_LENGTH = 120;

    private final Tickets tickets;

    ChannelHandovers(Tickets tickets) {
        this.tickets = tickets;
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
