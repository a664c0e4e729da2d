package com.zorahai.analytics.internal;

import java.util.List;

/**
 * The analytics event types and the properties the summary and the time series read from them. A listener of a new
 * source event records one of these types with these property names; see {@code docs/analytics.md}.
 */
public final class EventTypes {

    /** An inbound email was stored. Subject: the inbound email id. */
    public static final String EMAIL_RECEIVED = "email.received";
    /** An inbound email was read into a structured request. Subject: the inbound email id. */
    public static final String EMAIL_PARSED = "email.parsed";

    /** Subject: the quote id. Properties: {@code number}, {@code client_id}, {@code total_amount}, {@code total_currency}. */
    public static final String QUOTE_CREATED = "quote.created";
    public static final String QUOTE_SENT = "quote.sent";
    /** As {@link #QUOTE_CREATED}, plus {@code revision}. */
    public static final String QUOTE_ACCEPTED = "quote.accepted";

    /** Subject: the invoice id. Properties: {@code number}, {@code client_id}, {@code quote_id} (when made from a quote), {@code total_amount}, {@code total_currency}. */
    public static final String INVOICE_ISSUED = "invoice.issued";
    public static final String INVOICE_PAID = "invoice.paid";
    public static final String INVOICE_VOIDED = "invoice.voided";

    /** Subject: the ticket id. Resolved: {@code sla_breached} (boolean). */
    public static final String TICKET_OPENED = "ticket.opened";
    public static final String TICKET_RESOLVED = "ticket.resolved";

    /** Subject: the call id. Properties: {@code duration_seconds}, {@code outcome}, {@code cost_amount}, {@code cost_currency}. */
    public static final String CALL_ENDED = "call.ended";

    /** Subject: the conversation id (so distinct subjects are conversations). Property: {@code message_id}. */
    public static final String WHATSAPP_MESSAGE_RECEIVED = "whatsapp.message.received";
    /** The bot answered. Property: {@code first_response_ms}. */
    public static final String WHATSAPP_MESSAGE_ANSWERED = "whatsapp.message.answered";
    /** The bot could not answer. Property: {@code question}. */
    public static final String WHATSAPP_UNANSWERED = "whatsapp.unanswered";
    /** The conversation was handed over to a person. Property: {@code reason}. */
    public static final String WHATSAPP_HANDED_OVER = "whatsapp.handed_over";

    /** Subject: the appointment id. */
    public static final String BOOKING_MADE = "booking.made";
    public static final String BOOKING_CANCELLED = "booking.cancelled";
    public static final String BOOKING_NO_SHOW = "booking.no_show";

    /** Subject: the helpdesk session id. Properties: {@code grounded} (boolean), {@code latency_ms}, {@code tokens}, {@code question}. */
    public static final String HELPDESK_ANSWERED = "helpdesk.answered";
    /** The helpdesk had no answer. Property: {@code question}. */
    public static final String HELPDESK_UNANSWERED = "helpdesk.unanswered";

    /** Every type the summary reads. */
    public static final List<String> ALL = List.of(EMAIL_RECEIVED, EMAIL_PARSED, QUOTE_CREATED, QUOTE_SENT,
            QUOTE_ACCEPTED, INVOICE_ISSUED, INVOICE_PAID, INVOICE_VOIDED, TICKET_OPENED, TICKET_RESOLVED, CALL_ENDED,
            WHATSAPP_MESSAGE_RECEIVED, WHATSAPP_MESSAGE_ANSWERED, WHATSAPP_UNANSWERED, WHATSAPP_HANDED_OVER,
            BOOKING_MADE, BOOKING_CANCELLED, BOOKING_NO_SHOW, HELPDESK_ANSWERED, HELPDESK_UNANSWERED);

    private EventTypes() {
    }

    /** Whether the event carries a question nobody could answer, and from which channel. */
    static String unansweredChannel(String type, java.util.Map<String, Object> properties) {
        if (WHATSAPP_UNANSWERED.equals(type)) {
            return "whatsapp";
        }
        if (HELPDESK_UNANSWERED.equals(type)
                || HELPDESK_ANSWERED.equals(type) && Boolean.FALSE.equals(properties.get("grounded"))) {
            return "helpdesk";
        }
        return null;
    }
}
