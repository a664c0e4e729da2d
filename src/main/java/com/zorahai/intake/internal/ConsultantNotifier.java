package com.zorahai.intake.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.identity.Role;
import com.zorahai.identity.TenantMembers;
import com.zorahai.quoting.DraftQuote;
import com.zorahai.tenancy.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the consultant assigned to the client (else the tenant's owners and admins) that a draft quote was made from
 * an emailed request, with a link to the draft. The email is queued in the caller's transaction, once per request.
 */
@Component
class ConsultantNotifier {

    private static final Logger log = LoggerFactory.getLogger(ConsultantNotifier.class);
    static final String TEMPLATE = "intake-request";

    private final TenantMembers members;
    private final Clients clients;
    private final Emails emails;
    private final IntakeProperties properties;

    ConsultantNotifier(TenantMembers members, Clients clients, Emails emails, IntakeProperties properties) {
        this.members = members;
        this.clients = clients;
        this.emails = emails;
        this.properties = properties;
    }

    /** Queues the email; the number of recipients (0 when the tenant has no one to tell or notifying is off). */
    int draftReady(TenantId tenant, IntakeRequest request, ClientId client, TravelRequest values, DraftQuote draft,
            boolean approved) {
        if (!properties.notifyConsultants()) {
            return 0;
        }
        List<TenantMembers.Member> recipients = recipients(tenant, client);
        List<String> to = recipients.stream().map(TenantMembers.Member::email).filter(Corrections::isEmail)
                .distinct().toList();
        if (to.isEmpty()) {
            log.warn("Draft quote {} made from an email, but the tenant has no one to notify", draft.id());
            return 0;
        }
        String clientName = values.text(RequestField.CLIENT_NAME) != null
                ? values.text(RequestField.CLIENT_NAME)
                : values.text(RequestField.EMAIL);
        String destination = values.text(RequestField.DESTINATION);
        String kind = request.outcome() == Outcome.CHANGE_REQUEST
                ? "Changes requested"
                : request.outcome() == Outcome.QUOTE_REPLY ? "Reply turned into a request" : "New travel request";
        String subject = kind + ": " + clientName + (destination == null ? "" : ", " + destination)
                + " (" + draft.number() + ")";
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipients.size() == 1 ? recipients.getFirst().name() : null);
        model.put("clientName", clientName);
        model.put("clientEmail", values.text(RequestField.EMAIL));
        model.put("emailSubject", request.subject());
        model.put("summary", values.summary());
        model.put("number", draft.number());
        model.put("priced", draft.priced());
        model.put("total", draft.total() == null ? null : draft.total().toString());
        model.put("pricingNote", draft.pricingNote());
        model.put("approved", approved);
        model.put("link", properties.baseUrl() + "/quotes/" + draft.id());
        emails.queue(new OutboundEmail(tenant, to, List.of(), subject, TEMPLATE, model, null, null, List.of(),
                "intake-draft:" + request.id()));
        return to.size();
    }

    private List<TenantMembers.Member> recipients(TenantId tenant, ClientId client) {
        var assigned = clients.find(tenant, client)
                .map(ClientView::assignedConsultant)
                .flatMap(user -> members.find(tenant, user));
        if (assigned.isPresent()) {
            return List.of(assigned.get());
        }
        return members.withRoles(tenant, Set.of(Role.OWNER, Role.ADMIN));
    }
}
