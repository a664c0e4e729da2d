package com.zorahai.intake.internal;

import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientInteraction;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.quoting.DraftQuote;
import com.zorahai.quoting.Quotes;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What intake does with a travel request it trusts (read confidently, or approved by a reviewer): the client is found
 * or created by the sender's address, a draft quote is priced for them, the client's timeline gets an entry linking
 * the email and the draft, and the consultant is told. All in the caller's transaction.
 */
@Component
class RequestActions {

    private final Clients clients;
    private final Quotes quotes;
    private final ApplicationEventPublisher events;
    private final ConsultantNotifier notifier;

    RequestActions(Clients clients, Quotes quotes, ApplicationEventPublisher events, ConsultantNotifier notifier) {
        this.clients = clients;
        this.quotes = quotes;
        this.events = events;
        this.notifier = notifier;
    }

    /** What drafting did. */
    record Drafted(ClientId clientId, DraftQuote quote, int notified) {
    }

    /**
     * Drafts the quote for the request's values.
     *
     * @param withPhone whether to give the client the request's phone (a phone the CRM cannot read fails the upsert)
     * @param approved whether a reviewer approved the values
     */
    Drafted draft(IntakeRequest request, TravelRequest values, boolean withPhone, boolean approved) {
        TenantId tenant = request.tenantId();
        String phone = values.text(RequestField.PHONE);
        ClientId client = clients.upsert(tenant, new ClientUpsert(values.text(RequestField.CLIENT_NAME),
                List.of(values.text(RequestField.EMAIL)), withPhone && phone != null ? List.of(phone) : List.of(),
                List.of(), ClientSource.EMAIL)).clientId();
        DraftQuote draft = quotes.draftFromRequest(tenant, values.draft(client, notes(request, values)));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("intake_request_id", request.id().toString());
        properties.put("quote_id", draft.id().toString());
        properties.put("quote_number", draft.number());
        properties.put("priced", draft.priced());
        events.publishEvent(new ClientInteraction(tenant, client, null, null, null, ActivityType.EMAIL_IN,
                request.receivedAt(), "Travel request by email" + about(request) + ": draft quote " + draft.number(),
                "inbound_email", request.inboundEmailId().toString(), "intake-draft:" + request.id(), properties));
        int notified = notifier.draftReady(tenant, request, client, values, draft, approved);
        return new Drafted(client, draft, notified);
    }

    /** Puts a reply on the timeline of the quote's client, linking the quote and the email. */
    void replyReceived(IntakeRequest request, ClientId client, String quoteId, String quoteNumber,
            boolean changeRequest) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("intake_request_id", request.id().toString());
        properties.put("inbound_email_id", request.inboundEmailId().toString());
        properties.put("quote_number", quoteNumber);
        properties.put("change_request", changeRequest);
        String summary = (changeRequest ? "Change requested to quote " : "Reply to quote ") + quoteNumber
                + about(request);
        events.publishEvent(new ClientInteraction(request.tenantId(), client, null, null, null,
                ActivityType.EMAIL_IN, request.receivedAt(), summary, "quote", quoteId, "intake-reply:" + request.id(),
                properties));
    }

    private static String about(IntakeRequest request) {
        String subject = request.subject();
        if (subject == null || subject.isBlank()) {
            return "";
        }
        String oneLine = subject.replaceAll("\\s+", " ").strip();
        return " (" + (oneLine.length() > 150 ? oneLine.substring(0, 150) + "…" : oneLine) + ")";
    }

    private static String notes(IntakeRequest request, TravelRequest values) {
        StringBuilder notes = new StringBuilder();
        if (request.replyToQuoteNumber() != null) {
            notes.append("Changes to quote ").append(request.replyToQuoteNumber()).append(" requested by email");
        } else {
            notes.append("Travel request by email");
        }
        notes.append(about(request)).append(", received ").append(date(request.receivedAt())).append('.');
        List<String> summary = values.summary();
        if (!summary.isEmpty()) {
            notes.append("\n");
            summary.forEach(line -> notes.append("\n").append(line));
        }
        return notes.toString();
    }

    private static String date(Instant instant) {
        return instant == null ? "" : instant.toString().substring(0, 10);
    }
}
