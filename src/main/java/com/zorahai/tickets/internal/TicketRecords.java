package com.zorahai.tickets.internal;

import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientInteraction;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.identity.TenantMembers;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.tickets.InboundReply;
import com.zorahai.tickets.NewTicket;
import com.zorahai.tickets.TicketAssigned;
import com.zorahai.tickets.TicketChannel;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.TicketOpened;
import com.zorahai.tickets.TicketPriority;
import com.zorahai.tickets.TicketReplied;
import com.zorahai.tickets.TicketReplied.Direction;
import com.zorahai.tickets.TicketReplyQueued;
import com.zorahai.tickets.TicketResolved;
import com.zorahai.tickets.TicketStatus;
import com.zorahai.tickets.TicketStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets and their conversations: the rules of opening (once per channel source), changing, answering, finding,
 * deleting and erasing them. Everything is scoped to one tenant; another tenant's ticket is "not found".
 */
@Service
public class TicketRecords {

    private static final Logger log = LoggerFactory.getLogger(TicketRecords.class);

    static final int MAX_SUBJECT = 500;
    static final int MAX_BODY = 100_000;
    static final int MAX_REPLY = 20_000;
    static final int MAX_NAME = 200;
    static final int MAX_SEARCH = 200;
    /** How long before now a ticket may say it was opened. */
    static final Duration MAX_BACKDATE = Duration.ofDays(366);
    /** Clock skew allowed for an opening time given by another system. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final int MAX_HEADER = 998;

    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}"
                    + "[a-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]{5,32}");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>\\s*$");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    private final TicketStore store;
    private final TicketSettingsService settings;
    private final Clients clients;
    private final Emails emails;
    private final Tenants tenants;
    private final TenantMembers members;
    private final TicketsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketRecords(TicketStore store, TicketSettingsService settings, Clients clients, Emails emails, Tenants tenants,
            TenantMembers members, TicketsProperties properties, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock) {
        this.store = store;
        this.settings = settings;
        this.clients = clients;
        this.emails = emails;
        this.tenants = tenants;
        this.members = members;
        this.properties = properties;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A ticket an open found or created. */
    public record Opened(Ticket ticket, boolean created) {
    }

    /** A ticket as staff create it through the API; ids and enums as strings, checked here. */
    public record TicketDraft(String subject, String body, String channel, String clientId, String requesterEmail,
            String requesterName, String requesterPhone, String priority, String assigneeId, Instant openedAt,
            String sourceReference) {
    }

    /**
     * A change of a ticket; only the fields named in {@code fields} (JSON names) change, null clears the client and
     * the assignee.
     */
    public record TicketPatch(Set<String> fields, String status, String priority, String assigneeId, String clientId,
            String subject) {

        static final String STATUS = "status";
        static final String PRIORITY = "priority";
        static final String ASSIGNEE = "assignee_id";
        static final String CLIENT = "client_id";
        static final String SUBJECT = "subject";

        public static final Set<String> FIELDS = Set.of(STATUS, PRIORITY, ASSIGNEE, CLIENT, SUBJECT);

        boolean has(String field) {
            return fields.contains(field);
        }
    }

    /** A staff reply; {@code status} optionally moves the ticket (e.g. to {@code pending}) in the same step. */
    public record ReplyDraft(String body, String status) {
    }

    /** A search of tickets; null filters match everything. Lists are comma-separated. */
    public record TicketQuery(String status, String priority, String channel, String assignee, String client,
            String breached, String text, Integer page, Integer size, String sort) {
    }

    /** A reply as it was recorded, with the ticket afterwards. */
    public record Replied(Ticket ticket, TicketReply reply) {
    }

    /** The validated fields of a ticket to open. */
    private record Opening(TenantId tenant, String subject, String body, TicketChannel channel, ClientId clientId,
            String email, String name, String phone, String sourceReference, TicketPriority priority, UUID assignee,
            Instant openedAt, UUID createdBy) {
    }

    /**
     * Opens a ticket for another module. Overlong subjects, bodies and names are shortened; an invalid email or
     * phone, or an unknown client, is a 400 naming the field.
     */
    @Transactional
    public Opened open(NewTicket ticket) {
        if (ticket == null || ticket.tenantId() == null) {
            throw ProblemException.invalidField("tenant_id", "is required");
        }
        FieldErrors errors = new FieldErrors();
        if (ticket.channel() == null) {
            errors.add("channel", "is required");
        }
        Opening opening = check(ticket.tenantId(), ticket.subject(), ticket.body(), ticket.channel(),
                ticket.clientId(), ticket.requesterEmail(), ticket.requesterName(), ticket.requesterPhone(),
                ticket.sourceReference(), ticket.priority() == null ? TicketPriority.NORMAL : ticket.priority(), null,
                ticket.openedAt(), null, true, errors);
        return open(opening);
    }

    /** Opens a ticket from the API (201), or gives the existing one of the same channel and source (200). */
    @Transactional
    public Opened create(TenantId tenant, TicketDraft draft, UUID createdBy) {
        FieldErrors errors = new FieldErrors();
        TicketChannel channel = null;
        if (draft.channel() == null || draft.channel().isBlank()) {
            errors.add("channel", "is required");
        } else {
            channel = TicketChannel.find(draft.channel()).orElse(null);
            if (channel == null) {
                errors.add("channel", "must be email, whatsapp, phone or helpdesk");
            }
        }
        TicketPriority priority = TicketPriority.NORMAL;
        if (draft.priority() != null) {
            priority = TicketPriority.find(draft.priority()).orElse(null);
            if (priority == null) {
                errors.add("priority", "must be urgent, high, normal or low");
            }
        }
        ClientId client = draft.clientId() == null
                ? null
                : uuid(draft.clientId(), "client_id", errors)
                        .map(ClientId::of).orElse(null);
        UUID assignee = draft.assigneeId() == null
                ? null
                : assignee(tenant, draft.assigneeId(), errors);
        Opening opening = check(tenant, draft.subject(), draft.body(), channel, client, draft.requesterEmail(),
                draft.requesterName(), draft.requesterPhone(), draft.sourceReference(), priority, assignee,
                draft.openedAt(), createdBy, false, errors);
        return open(opening);
    }

    private Opened open(Opening o) {
        String sourceKey = MessageIds.key(o.sourceReference());
        if (sourceKey != null) {
            Optional<TicketId> existing = store.findBySource(o.tenant(), o.channel(), sourceKey);
            if (existing.isPresent()) {
                return new Opened(store.find(o.tenant(), existing.get()).orElseThrow(), false);
            }
        }
        String email = o.email();
        String name = o.name();
        String phone = o.phone();
        ClientId client = o.clientId();
        if (client != null) {
            ClientView view = liveClient(o.tenant(), client);
            client = view.id();
            email = email != null ? email : view.emails().stream().findFirst().orElse(null);
            phone = phone != null ? phone : view.phones().stream().findFirst().orElse(null);
            name = name != null ? name : view.name();
        } else if (email != null || phone != null) {
            client = upsertClient(o.tenant(), email, phone, name, o.channel());
        }
        Instant now = now();
        Instant openedAt = o.openedAt() == null ? now : o.openedAt();
        Instant due = settings.get(o.tenant()).dueAt(openedAt, o.priority());
        Ticket ticket = new Ticket(TicketId.random(), o.tenant(), o.subject(), o.body(), o.channel(),
                TicketStatus.OPEN, o.priority(), client, email, name, phone, o.assignee(), o.sourceReference(),
                openedAt, due, null, null, null, o.createdBy(), now, now, null);
        if (!store.insert(ticket, sourceKey)) {
            // another request opened the same source first
            TicketId existing = store.findBySource(o.tenant(), o.channel(), sourceKey).orElseThrow();
            return new Opened(store.find(o.tenant(), existing).orElseThrow(), false);
        }
        events.publishEvent(new TicketOpened(o.tenant(), ticket.id(), client, o.channel(), o.priority(), openedAt,
                due));
        if (o.assignee() != null) {
            events.publishEvent(new TicketAssigned(o.tenant(), ticket.id(), o.assignee(), null, o.createdBy()));
        }
        timeline(ticket, "Ticket opened: " + ticket.subject(), "ticket-opened:" + ticket.id(), openedAt);
        log.info("Opened ticket {} from {} with priority {}", ticket.id(), o.channel().value(),
                o.priority().value());
        return new Opened(ticket, true);
    }

    private Opening check(TenantId tenant, String subject, String body, TicketChannel channel, ClientId clientId,
            String email, String name, String phone, String sourceReference, TicketPriority priority,
            UUID assignee, Instant openedAt, UUID createdBy, boolean lenient, FieldErrors errors) {
        String text = body == null || body.isBlank() ? null : body.strip();
        if (text != null && text.length() > MAX_BODY) {
            if (lenient) {
                text = text.substring(0, MAX_BODY);
            } else {
                errors.add("body", "must be at most " + MAX_BODY + " characters");
            }
        }
        String title = oneLine(subject);
        if (title == null && text != null) {
            title = oneLine(text.lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
            title = title != null && title.length() > 120 ? title.substring(0, 117) + "..." : title;
        }
        if (title == null) {
            errors.add("subject", "is required (or a body to take it from)");
        } else if (title.length() > MAX_SUBJECT) {
            if (lenient) {
                title = title.substring(0, MAX_SUBJECT);
            } else {
                errors.add("subject", "must be at most " + MAX_SUBJECT + " characters");
            }
        }
        String address = email(email, "requester_email", errors);
        String who = oneLine(name);
        if (who != null && who.length() > MAX_NAME) {
            if (lenient) {
                who = who.substring(0, MAX_NAME);
            } else {
                errors.add("requester_name", "must be at most " + MAX_NAME + " characters");
            }
        }
        String number = phone == null || phone.isBlank() ? null : phone.strip();
        if (number != null && (!PHONE.matcher(number).matches() || number.replaceAll("[^0-9]", "").length() < 5)) {
            errors.add("requester_phone", "must be a phone number");
        }
        String reference = MessageIds.clean(sourceReference);
        if (reference != null && reference.length() > MessageIds.MAX_REFERENCE) {
            errors.add("source_reference", "must be at most " + MessageIds.MAX_REFERENCE + " characters");
        }
        Instant now = now();
        Instant opened = openedAt == null ? null : openedAt.truncatedTo(ChronoUnit.MICROS);
        if (opened != null && opened.isAfter(now.plus(MAX_SKEW))) {
            errors.add("opened_at", "must not be in the future");
        } else if (opened != null && opened.isBefore(now.minus(MAX_BACKDATE))) {
            errors.add("opened_at", "must be within the last " + MAX_BACKDATE.toDays() + " days");
        } else if (opened != null && opened.isAfter(now)) {
            opened = now;
        }
        errors.throwIfAny();
        return new Opening(tenant, title, text, channel, clientId, address, who, number, reference, priority,
                assignee, opened, createdBy);
    }

    /** The client to link, or the one it was merged into; 400 when it does not exist or was erased. */
    private ClientView liveClient(TenantId tenant, ClientId id) {
        ClientView view = clients.find(tenant, id)
                .orElseThrow(() -> ProblemException.invalidField("client_id", "is not a client of this tenant"));
        if (view.mergedInto() != null) {
            view = clients.find(tenant, view.mergedInto())
                    .orElseThrow(() -> ProblemException.invalidField("client_id", "is not a client of this tenant"));
        }
        if (!view.isLive()) {
            throw ProblemException.invalidField("client_id", "was erased");
        }
        return view;
    }

    private ClientId upsertClient(TenantId tenant, String email, String phone, String name, TicketChannel channel) {
        ClientSource source = switch (channel) {
            case EMAIL -> ClientSource.EMAIL;
            case WHATSAPP -> ClientSource.WHATSAPP;
            case PHONE -> ClientSource.PHONE;
            case HELPDESK -> ClientSource.WEB;
        };
        try {
            return clients.upsert(tenant, new ClientUpsert(name, email == null ? List.of() : List.of(email),
                    phone == null ? List.of() : List.of(phone), List.of(), source)).clientId();
        } catch (ProblemException ex) {
            // the CRM refuses what its own normalisation cannot read; name the ticket's field
            String field = ex.getMessage() != null && ex.getMessage().startsWith("phones")
                    ? "requester_phone"
                    : "requester_email";
            throw ProblemException.invalidField(field, field.equals("requester_phone")
                    ? "must be a valid phone number"
                    : "must be a valid email address");
        }
    }

    /** The ticket (404 when the tenant has none with this id). */
    @Transactional(readOnly = true)
    public Ticket get(TenantId tenant, TicketId id) {
        return store.find(tenant, id).orElseThrow(() -> TicketProblems.notFound(id));
    }

    /** The ticket's replies, oldest first (404 for an unknown ticket). */
    @Transactional(readOnly = true)
    public List<TicketReply> replies(TenantId tenant, TicketId id) {
        get(tenant, id);
        return store.replies(tenant, id);
    }

    /** A page of the tenant's tickets; {@code assignee=me} means {@code currentUser}. */
    @Transactional(readOnly = true)
    public Page<Ticket> search(TenantId tenant, TicketQuery query, UUID currentUser) {
        FieldErrors errors = new FieldErrors();
        int page = query.page() == null ? 0 : query.page();
        int size = query.size() == null ? 20 : query.size();
        if (page < 0 || page > 1_000_000) {
            errors.add("page", "must be from 0 to 1000000");
        }
        if (size < 1 || size > properties.maxPageSize()) {
            errors.add("size", "must be between 1 and " + properties.maxPageSize());
        }
        Set<TicketStatus> statuses = list(query.status(), "status", TicketStatus::find, TicketStatus.class,
                "open, pending, resolved or closed", errors);
        Set<TicketPriority> priorities = list(query.priority(), "priority", TicketPriority::find,
                TicketPriority.class, "urgent, high, normal or low", errors);
        Set<TicketChannel> channels = list(query.channel(), "channel", TicketChannel::find, TicketChannel.class,
                "email, whatsapp, phone or helpdesk", errors);
        UUID assignee = null;
        boolean unassigned = false;
        if (query.assignee() != null && !query.assignee().isBlank()) {
            String value = query.assignee().strip().toLowerCase(Locale.ROOT);
            if (value.equals("me")) {
                assignee = currentUser;
                unassigned = currentUser == null;
            } else if (value.equals("none")) {
                unassigned = true;
            } else {
                assignee = uuid(value, "assignee", errors).orElse(null);
            }
        }
        ClientId client = query.client() == null || query.client().isBlank()
                ? null
                : uuid(query.client(), "client", errors).map(ClientId::of).orElse(null);
        Boolean breached = null;
        if (query.breached() != null && !query.breached().isBlank()) {
            String value = query.breached().strip().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                breached = Boolean.valueOf(value);
            } else {
                errors.add("breached", "must be true or false");
            }
        }
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        if (text != null && text.length() > MAX_SEARCH) {
            errors.add("q", "must be at most " + MAX_SEARCH + " characters");
        }
        errors.throwIfAny();
        TicketSort.Order order = TicketSort.parse(query.sort());
        return store.search(tenant, new TicketStore.Search(statuses, priorities, channels, assignee, unassigned,
                client, breached, text, now(), order.sort(), order.descending(), (long) page * size, size))
                .at(page);
    }

    /**
     * Changes status, priority (and so the due time), assignee, client or subject. 409
     * {@code ticket-status-transition} for a status change the lifecycle does not allow.
     */
    @Transactional
    public Ticket update(TenantId tenant, TicketId id, TicketPatch patch, UUID changedBy) {
        FieldErrors errors = new FieldErrors();
        TicketStatus status = null;
        if (patch.has(TicketPatch.STATUS)) {
            status = TicketStatus.find(patch.status()).orElse(null);
            if (status == null) {
                errors.add("status", "must be open, pending, resolved or closed");
            }
        }
        TicketPriority priority = null;
        if (patch.has(TicketPatch.PRIORITY)) {
            priority = TicketPriority.find(patch.priority()).orElse(null);
            if (priority == null) {
                errors.add("priority", "must be urgent, high, normal or low");
            }
        }
        UUID assignee = patch.has(TicketPatch.ASSIGNEE) && patch.assigneeId() != null
                ? assignee(tenant, patch.assigneeId(), errors)
                : null;
        ClientId client = patch.has(TicketPatch.CLIENT) && patch.clientId() != null
                ? uuid(patch.clientId(), "client_id", errors).map(ClientId::of).orElse(null)
                : null;
        String subject = null;
        if (patch.has(TicketPatch.SUBJECT)) {
            subject = oneLine(patch.subject());
            if (subject == null) {
                errors.add("subject", "must not be empty");
            } else if (subject.length() > MAX_SUBJECT) {
                errors.add("subject", "must be at most " + MAX_SUBJECT + " characters");
            }
        }
        errors.throwIfAny();

        Ticket ticket = store.lock(tenant, id).orElseThrow(() -> TicketProblems.notFound(id));
        if (ticket.isErased() && (patch.has(TicketPatch.SUBJECT) || patch.has(TicketPatch.CLIENT))) {
            throw TicketProblems.erased(id);
        }
        Instant now = now();
        TicketStatus before = ticket.status();
        boolean moved = status != null && ticket.moveTo(status, now);
        if (priority != null && priority != ticket.priority()) {
            ticket.reprioritise(priority, settings.get(tenant).dueAt(ticket.openedAt(), priority), now);
        }
        UUID previousAssignee = ticket.assigneeId();
        boolean reassigned = patch.has(TicketPatch.ASSIGNEE) && !Objects.equals(previousAssignee, assignee);
        if (reassigned) {
            ticket.assign(assignee, now);
        }
        if (patch.has(TicketPatch.CLIENT) && !Objects.equals(client, ticket.clientId())) {
            ticket.linkClient(client == null ? null : liveClient(tenant, client).id(), now);
        }
        if (subject != null && !subject.equals(ticket.subject())) {
            ticket.rename(subject, now);
        }
        store.update(ticket);
        if (moved) {
            statusChanged(ticket, before, now);
        }
        if (reassigned) {
            events.publishEvent(new TicketAssigned(tenant, id, assignee, previousAssignee, changedBy));
        }
        return ticket;
    }

    /**
     * Answers the requester: by email through the outbox (threaded to the requester's messages) for email and
     * phone tickets, or handed to the channel's module for WhatsApp and helpdesk tickets ({@link TicketReplyQueued}).
     * 409 for a closed or erased ticket, 422 when the requester cannot be reached.
     */
    @Transactional
    public Replied reply(TenantId tenant, TicketId id, ReplyDraft draft, UUID author) {
        FieldErrors errors = new FieldErrors();
        String body = draft.body() == null || draft.body().isBlank() ? null : draft.body().strip();
        if (body == null) {
            errors.add("body", "must not be empty");
        } else if (body.length() > MAX_REPLY) {
            errors.add("body", "must be at most " + MAX_REPLY + " characters");
        }
        TicketStatus status = null;
        if (draft.status() != null) {
            status = TicketStatus.find(draft.status()).orElse(null);
            if (status == null) {
                errors.add("status", "must be open, pending, resolved or closed");
            }
        }
        errors.throwIfAny();

        Ticket ticket = store.lock(tenant, id).orElseThrow(() -> TicketProblems.notFound(id));
        if (ticket.isErased()) {
            throw TicketProblems.erased(id);
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            throw TicketProblems.closed(id);
        }
        if (status != null && status != ticket.status() && !ticket.status().canMoveTo(status)) {
            throw TicketProblems.illegalTransition(ticket.status(), status);
        }
        Instant now = now();
        UUID replyId = UUID.randomUUID();
        TicketReply reply = switch (route(ticket)) {
            case EMAIL -> emailReply(ticket, replyId, body, author, now);
            case CHANNEL -> new TicketReply(replyId, id, Direction.OUTBOUND, body, author, null, null,
                    ticket.requesterPhone(), TicketReply.CHANNEL, null, null, now);
        };
        store.insertReply(tenant, reply, MessageIds.key(reply.sourceReference()));
        boolean first = ticket.responded(now);
        TicketStatus before = ticket.status();
        boolean moved = status != null && ticket.moveTo(status, now);
        store.update(ticket);
        if (reply.delivery().equals(TicketReply.CHANNEL)) {
            events.publishEvent(new TicketReplyQueued(tenant, id, replyId, ticket.channel(), ticket.requesterPhone(),
                    ticket.sourceReference(), body));
        }
        events.publishEvent(new TicketReplied(tenant, id, replyId, ticket.clientId(), Direction.OUTBOUND,
                ticket.channel(), ticket.priority(), ticket.openedAt(), now, first, ticket.slaDueAt(),
                ticket.slaBreached(now)));
        timeline(ticket, "Replied to ticket: " + ticket.subject(), "ticket-replied:" + replyId, now);
        if (moved) {
            statusChanged(ticket, before, now);
        }
        return new Replied(ticket, reply);
    }

    private enum Route {
        EMAIL, CHANNEL
    }

    private static Route route(Ticket ticket) {
        boolean email = ticket.requesterEmail() != null;
        return switch (ticket.channel()) {
            case EMAIL, PHONE -> {
                if (!email) {
                    throw TicketProblems.unreachable(ticket.id(), "email address");
                }
                yield Route.EMAIL;
            }
            case WHATSAPP -> {
                if (ticket.requesterPhone() != null) {
                    yield Route.CHANNEL;
                }
                if (!email) {
                    throw TicketProblems.unreachable(ticket.id(), "phone number or email address");
                }
                yield Route.EMAIL;
            }
            case HELPDESK -> {
                if (ticket.sourceReference() != null) {
                    yield Route.CHANNEL;
                }
                if (!email) {
                    throw TicketProblems.unreachable(ticket.id(), "helpdesk session or email address");
                }
                yield Route.EMAIL;
            }
        };
    }

    private TicketReply emailReply(Ticket ticket, UUID replyId, String body, UUID author, Instant now) {
        String messageId = replyId + ".ticket@" + messageIdDomain(ticket.tenantId());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", MessageIds.bracketed(messageId));
        List<String> thread = new ArrayList<>();
        String inReplyTo = null;
        if (MessageIds.isEmailMessageId(ticket.sourceReference())) {
            thread.add(MessageIds.clean(ticket.sourceReference()));
            inReplyTo = thread.get(0);
        }
        for (TicketReply earlier : store.replies(ticket.tenantId(), ticket.id())) {
            if (MessageIds.isEmailMessageId(earlier.sourceReference())) {
                thread.add(MessageIds.clean(earlier.sourceReference()));
                if (earlier.direction() == Direction.INBOUND) {
                    inReplyTo = MessageIds.clean(earlier.sourceReference());
                }
            }
        }
        if (inReplyTo != null) {
            headers.put("In-Reply-To", MessageIds.bracketed(inReplyTo));
        }
        String references = references(thread);
        if (references != null) {
            headers.put("References", references);
        }
        String subject = ticket.subject().regionMatches(true, 0, "Re:", 0, 3)
                ? ticket.subject()
                : "Re: " + ticket.subject();
        UUID emailId = emails.queue(new OutboundEmail(ticket.tenantId(), List.of(ticket.requesterEmail()),
                List.of(), subject, null, null, null, body, List.of(), "ticket-reply:" + replyId, headers));
        return new TicketReply(replyId, ticket.id(), Direction.OUTBOUND, body, author, null, null,
                ticket.requesterEmail(), TicketReply.EMAIL, emailId, messageId, now);
    }

    /** The thread's ids for {@code References}: the first always, then the newest that fit on one header line. */
    static String references(List<String> thread) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(thread));
        if (ids.isEmpty()) {
            return null;
        }
        while (ids.size() > 1 && String.join(" ", ids.stream().map(MessageIds::bracketed).toList())
                .length() > MAX_HEADER - "References: ".length()) {
            ids.remove(1);
        }
        return String.join(" ", ids.stream().map(MessageIds::bracketed).toList());
    }

    private String messageIdDomain(TenantId tenant) {
        return tenants.find(tenant)
                .map(Tenant::email)
                .map(Tenant.Email::fromAddress)
                .filter(a -> a != null && a.lastIndexOf('@') > 0)
                .map(a -> a.substring(a.lastIndexOf('@') + 1).strip())
                .filter(d -> DOMAIN.matcher(d).matches())
                .orElse(properties.messageIdDomain());
    }

    /**
     * Adds a message of the requester to the ticket it answers: the one named by id, else the newest whose opening
     * message or replies carry one of the references. A pending or resolved ticket opens again. Empty when no
     * ticket matches, or the ticket is closed or erased (open a new ticket then); the same message twice is added
     * once.
     */
    @Transactional
    public Optional<TicketId> addInbound(InboundReply inbound) {
        if (inbound == null || inbound.tenantId() == null) {
            throw ProblemException.invalidField("tenant_id", "is required");
        }
        TenantId tenant = inbound.tenantId();
        Optional<TicketId> target = inbound.ticketId() != null
                ? store.find(tenant, inbound.ticketId()).map(Ticket::id)
                : store.findByReferences(tenant, inbound.references().stream().map(MessageIds::key)
                        .filter(Objects::nonNull).distinct().toList());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Ticket ticket = store.lock(tenant, target.get()).orElseThrow();
        if (ticket.isErased() || ticket.status() == TicketStatus.CLOSED) {
            log.info("An inbound reply for ticket {} was not added: the ticket is {}", ticket.id(),
                    ticket.isErased() ? "erased" : "closed");
            return Optional.empty();
        }
        Instant now = now();
        Instant receivedAt = inbound.receivedAt() == null
                ? now
                : inbound.receivedAt().truncatedTo(ChronoUnit.MICROS);
        String body = inbound.body() == null ? "" : inbound.body().strip();
        body = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        String[] from = sender(inbound.from());
        String reference = MessageIds.clean(inbound.sourceReference());
        reference = reference != null && reference.length() > MessageIds.MAX_REFERENCE ? null : reference;
        TicketReply reply = new TicketReply(UUID.randomUUID(), ticket.id(), Direction.INBOUND, body, null, from[0],
                from[1], null, TicketReply.NONE, null, reference, receivedAt);
        if (!store.insertReply(tenant, reply, MessageIds.key(reference))) {
            return Optional.of(ticket.id());
        }
        TicketStatus before = ticket.status();
        boolean moved = (before == TicketStatus.PENDING || before == TicketStatus.RESOLVED)
                && ticket.moveTo(TicketStatus.OPEN, now);
        if (!moved) {
            ticket.touch(now);
        }
        store.update(ticket);
        if (moved) {
            statusChanged(ticket, before, now);
        }
        events.publishEvent(new TicketReplied(tenant, ticket.id(), reply.id(), ticket.clientId(), Direction.INBOUND,
                ticket.channel(), ticket.priority(), ticket.openedAt(), receivedAt, false, ticket.slaDueAt(),
                ticket.slaBreached(now)));
        timeline(ticket, "Requester wrote on ticket: " + ticket.subject(), "ticket-inbound:" + reply.id(),
                receivedAt);
        return Optional.of(ticket.id());
    }

    /** Deletes the ticket and its conversation (404 when the tenant has no such ticket). */
    @Transactional
    public void delete(TenantId tenant, TicketId id) {
        if (!store.delete(tenant, id)) {
            throw TicketProblems.notFound(id);
        }
        log.info("Deleted ticket {}", id);
    }

    /** Anonymises every ticket of the client: requester, subject, body and the text of every reply. */
    @Transactional
    public int eraseClient(TenantId tenant, ClientId client) {
        Instant now = now();
        int erased = 0;
        for (Ticket ticket : store.forClient(tenant, client)) {
            if (!ticket.isErased()) {
                Ticket locked = store.lock(tenant, ticket.id()).orElseThrow();
                locked.erase(now);
                store.update(locked);
                erased++;
            }
            store.eraseReplies(tenant, ticket.id());
        }
        log.info("Erased the personal data of {} ticket(s) of client {}", erased, client);
        return erased;
    }

    /** Points the tickets of a client merged into another at the other. */
    @Transactional
    public int moveClient(TenantId tenant, ClientId from, ClientId to) {
        return store.moveClient(tenant, from, to);
    }

    /** The client's tickets with their replies, oldest first. */
    @Transactional(readOnly = true)
    public Map<Ticket, List<TicketReply>> forClient(TenantId tenant, ClientId client) {
        Map<Ticket, List<TicketReply>> tickets = new LinkedHashMap<>();
        for (Ticket ticket : store.forClient(tenant, client)) {
            tickets.put(ticket, store.replies(tenant, ticket.id()));
        }
        return tickets;
    }

    private void statusChanged(Ticket ticket, TicketStatus from, Instant now) {
        boolean breached = ticket.slaBreached(now);
        events.publishEvent(new TicketStatusChanged(ticket.tenantId(), ticket.id(), ticket.clientId(),
                ticket.channel(), ticket.priority(), from, ticket.status(), ticket.openedAt(), now,
                ticket.resolvedAt(), ticket.slaDueAt(), breached));
        if (ticket.status() == TicketStatus.RESOLVED) {
            events.publishEvent(new TicketResolved(ticket.tenantId(), ticket.id(), ticket.clientId(),
                    ticket.channel(), ticket.priority(), ticket.openedAt(), ticket.firstResponseAt(),
                    ticket.resolvedAt(), ticket.slaDueAt(), breached));
            timeline(ticket, "Ticket resolved: " + ticket.subject(),
                    "ticket-resolved:" + ticket.id() + ":" + ticket.resolvedAt().toEpochMilli(), now);
        }
    }

    /** An entry on the client's timeline, when the ticket has a client. */
    private void timeline(Ticket ticket, String summary, String sourceEventId, Instant at) {
        if (ticket.clientId() == null) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("channel", ticket.channel().value());
        props.put("priority", ticket.priority().value());
        props.put("status", ticket.status().value());
        events.publishEvent(new ClientInteraction(ticket.tenantId(), ticket.clientId(), null, null, null,
                ActivityType.TICKET, at, summary, "ticket", ticket.id().toString(), sourceEventId, props));
    }

    /** {@code [address, name]} of {@code "Name <address>"}, a bare address or a phone. */
    static String[] sender(String from) {
        if (from == null || from.isBlank()) {
            return new String[]{null, null};
        }
        Matcher named = NAMED_ADDRESS.matcher(from);
        String address = named.matches() ? named.group(2).strip() : from.strip();
        String name = named.matches() ? oneLine(named.group(1)) : null;
        address = address.length() > 254 ? address.substring(0, 254) : address;
        name = name != null && name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        return new String[]{address.contains("@") ? address.toLowerCase(Locale.ROOT) : address, name};
    }

    private static String email(String value, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip().toLowerCase(Locale.ROOT);
        if (email.startsWith("mailto:")) {
            email = email.substring("mailto:".length());
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(field, "must be an email address");
            return null;
        }
        return email;
    }

    private static <E extends Enum<E>> Set<E> list(String value, String field, Function<String, Optional<E>> find,
            Class<E> type, String allowed, FieldErrors errors) {
        Set<E> result = EnumSet.noneOf(type);
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String part : value.split(",")) {
            Optional<E> found = find.apply(part);
            if (found.isEmpty()) {
                errors.add(field, "must be " + allowed + " (comma-separated for several)");
                return result;
            }
            result.add(found.get());
        }
        return result;
    }

    /** The user a ticket may be assigned to: an active member of the tenant; null (with an error) otherwise. */
    private UUID assignee(TenantId tenant, String value, FieldErrors errors) {
        UUID user = uuid(value, "assignee_id", errors).orElse(null);
        if (user != null && members.find(tenant, user).isEmpty()) {
            errors.add("assignee_id", "is not an active member of this tenant");
            return null;
        }
        return user;
    }

    private static Optional<UUID> uuid(String value, String field, FieldErrors errors) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException ex) {
            errors.add(field, "must be a UUID");
            return Optional.empty();
        }
    }

    /** Whitespace (line breaks included) collapsed to single spaces; null when blank. */
    private static String oneLine(String value) {
        if (value == null) {
            return null;
        }
        String line = value.replaceAll("\\s+", " ").strip();
        return line.isEmpty() ? null : line;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
