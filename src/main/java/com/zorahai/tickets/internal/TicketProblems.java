package com.zorahai.tickets.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.TicketStatus;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The problems the tickets API answers with.
 */
final class TicketProblems {

    private TicketProblems() {
    }

    /** 404 {@code ticket-not-found}: no such ticket in the tenant. */
    static ProblemException notFound(TicketId id) {
        return ProblemException.notFound("ticket", id);
    }

    /** 409 {@code ticket-status-transition}: the ticket cannot go from its status to the one asked for. */
    static ProblemException illegalTransition(TicketStatus from, TicketStatus to) {
        List<String> allowed = from.next().stream().map(TicketStatus::value).toList();
        return ProblemException.of(HttpStatus.CONFLICT, "ticket-status-transition", "Status change not allowed",
                "A " + from.value() + " ticket cannot become " + to.value() + (allowed.isEmpty()
                        ? "; it is final."
                        : "; it can become " + String.join(" or ", allowed) + "."))
                .with("from", from.value())
                .with("to", to.value())
                .with("allowed", allowed);
    }

    /** 409 {@code ticket-closed}: a closed ticket takes no more replies. */
    static ProblemException closed(TicketId id) {
        return ProblemException.of(HttpStatus.CONFLICT, "ticket-closed", "Ticket closed",
                "Ticket " + id + " is closed; open a new ticket instead.");
    }

    /** 409 {@code ticket-erased}: the requester's personal data was erased; the ticket can no longer be answered. */
    static ProblemException erased(TicketId id) {
        return ProblemException.of(HttpStatus.CONFLICT, "ticket-erased", "Ticket erased",
                "The personal data of ticket " + id + " was erased.");
    }

    /** 422 {@code ticket-requester-unreachable}: no address to send a reply to on the ticket's channel. */
    static ProblemException unreachable(TicketId id, String needed) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "ticket-requester-unreachable",
                "Requester unreachable", "Ticket " + id + " has no " + needed + " to send a reply to.");
    }
}
