package com.zorahai.telephony.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Clients;
import com.zorahai.platform.ProblemException;
import com.zorahai.telephony.CallbackRequested;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tickets.NewTicket;
import com.zorahai.tickets.TicketChannel;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.TicketPriority;
import com.zorahai.tickets.Tickets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the tools a voice assistant calls during a call ({@code tool-calls}): each {@code toolCallId} gets a
 * {@code result} (a short JSON text the assistant reads) or an {@code error}.
 *
 * <ul>
 * <li>{@code find_client}: the CRM client owning the caller's number (or {@code phone}).
 * <li>{@code quote_status}: the status of a quote by {@code quote_number}.
 * <li>{@code request_callback}: stores a callback request ({@code reason}, {@code name}).
 * <li>{@code create_ticket}: opens a ticket on the phone channel ({@code subject}, {@code description},
 * {@code priority}), once per tool call id.
 * <li>{@code book_callback}: queues a call back at {@code preferred_time} (moved into calling hours).
 * </ul>
 */
@Component
public class ToolCalls {

    private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm",
            Locale.ENGLISH);

    private final Clients clients;
    private final Tickets tickets;
    private final CallQueue queue;
    private final CallbackRequestStore callbacks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    ToolCalls(Clients clients, Tickets tickets, CallQueue queue, CallbackRequestStore callbacks,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.clients = clients;
        this.tickets = tickets;
        this.queue = queue;
        this.callbacks = callbacks;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = JsonMapper.builder().build();
    }

    /** One tool call of a message, in either of the shapes VAPI sends. */
    public record Call(String id, String name, Map<String, Object> arguments) {
    }

    /** The tool calls of a {@code tool-calls} message ({@code toolCallList} or {@code toolWithToolCallList}). */
    public List<Call> calls(JsonNode message) {
        List<Call> calls = new ArrayList<>();
        JsonNode list = message.path("toolCallList");
        if (list.isArray()) {
            list.forEach(node -> calls.add(call(node)));
        } else if (message.path("toolWithToolCallList").isArray()) {
            message.path("toolWithToolCallList").forEach(node -> {
                Call call = call(node.path("toolCall"));
                calls.add(call.name() == null ? new Call(call.id(), text(node.path("name")), call.arguments()) : call);
            });
        }
        return calls;
    }

    /**
     * The answer to every call: {@code {"results":[{"toolCallId","name","result"|"error"}]}}. Each call runs in a
     * transaction of its own: what it stores and the events it publishes commit together, and a failed call leaves
     * nothing behind without undoing the others.
     */
    public Map<String, Object> answer(Tenant tenant, String vapiCallId, String callerPhone, List<Call> calls) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Call call : calls) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("toolCallId", call.id());
            result.put("name", call.name());
            try {
                result.put("result", transactions.execute(tx -> run(tenant, vapiCallId, callerPhone, call)));
            } catch (ProblemException ex) {
                result.put("error", ex.detail());
            } catch (RuntimeException ex) {
                log.error("Tool {} failed for tenant {}", call.name(), tenant.id(), ex);
                result.put("error", "The tool failed; please try again later.");
            }
            results.add(result);
        }
        return Map.of("results", results);
    }

    private String run(Tenant tenant, String vapiCallId, String callerPhone, Call call) {
        String name = call.name() == null ? "" : call.name().trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (name) {
            case "find_client", "find_caller", "lookup_caller" -> findClient(tenant, callerPhone, call);
            case "quote_status", "get_quote_status" -> quoteStatus(call);
            case "request_callback", "create_callback_request" -> requestCallback(tenant, vapiCallId, callerPhone,
                    call, false);
            case "book_callback", "book_callback_slot" -> requestCallback(tenant, vapiCallId, callerPhone, call,
                    true);
            case "create_ticket" -> createTicket(tenant, vapiCallId, callerPhone, call);
            default -> throw ProblemException.invalidField("name", "unknown tool " + abbreviate(call.name()));
        };
    }

    private String findClient(Tenant tenant, String callerPhone, Call call) {
        String phone = phone(call, callerPhone);
        if (phone == null) {
            return write(Map.of("found", false, "reason", "the caller's number is not known"));
        }
        Optional<ClientView> client = clients.findByPhone(tenant.id(), phone);
        if (client.isEmpty()) {
            return write(Map.of("found", false));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("found", true);
        result.put("client_id", client.get().id().toString());
        result.put("name", client.get().name());
        result.put("client_since", client.get().createdAt() == null
                ? null
                : client.get().createdAt().atZone(tenant.timezone()).toLocalDate().toString());
        return write(result);
    }

    private String quoteStatus(Call call) {
        String number = string(call.arguments(), "quote_number", "quoteNumber", "number");
        if (number == null) {
            throw ProblemException.invalidField("quote_number", "is required");
        }
        // quotes cannot be read by number yet; say so rather than guess
        return write(Map.of("available", false, "quote_number", abbreviate(number), "message",
                "Quote lookup is unavailable right now; offer to have a consultant call back."));
    }

    private String requestCallback(Tenant tenant, String vapiCallId, String callerPhone, Call call, boolean book) {
        String phone = phone(call, callerPhone);
        if (phone == null) {
            throw ProblemException.invalidField("phone", "is required: the caller's number is not known");
        }
        String reason = limit(string(call.arguments(), "reason", "topic", "notes"), 1000);
        String name = limit(string(call.arguments(), "name", "caller_name"), 200);
        Instant preferred = preferredTime(tenant, phone, string(call.arguments(), "preferred_time", "preferredTime",
                "time", "slot"));
        if (book && preferred == null) {
            throw ProblemException.invalidField("preferred_time", "is required, e.g. 2026-11-25T10:00");
        }
        UUID clientId = clients.findByPhone(tenant.id(), phone).map(c -> c.id().value()).orElse(null);
        UUID requestId = UUID.randomUUID();
        QueueEntry booked = null;
        if (book) {
            String assistant = Assistants.id(tenant, Assistants.OUTBOUND).isPresent()
                    ? Assistants.OUTBOUND
                    : Assistants.INBOUND;
            booked = queue.enqueue(tenant, new CallQueue.Request(clientId, phone,
                    reason == null ? "Callback requested during a call" : reason, assistant, null, preferred, null,
                    null), requestId);
        }
        callbacks.insert(tenant.id(), requestId, vapiCallId, clientId, phone, name, reason, preferred,
                booked == null ? null : booked.id());
        events.publishEvent(new CallbackRequested(tenant.id(), requestId, vapiCallId,
                clientId == null ? null : ClientId.of(clientId), phone, name, reason, preferred,
                booked == null ? null : booked.id()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("callback_request_id", requestId.toString());
        if (booked != null) {
            List<ZoneId> zones = Phones.timeZones(phone);
            ZoneId zone = zones.size() == 1 ? zones.getFirst() : tenant.timezone();
            result.put("booked", true);
            result.put("scheduled_at", booked.nextAttemptAt().toString());
            result.put("spoken_time", SPOKEN.format(booked.nextAttemptAt().atZone(zone)) + " (" + zone.getId()
                    + " time)");
        } else {
            result.put("booked", false);
            result.put("message", "A consultant will call back.");
        }
        return write(result);
    }

    private String createTicket(Tenant tenant, String vapiCallId, String callerPhone, Call call) {
        String subject = limit(string(call.arguments(), "subject", "title", "summary"), 200);
        if (subject == null) {
            throw ProblemException.invalidField("subject", "is required");
        }
        String description = limit(string(call.arguments(), "description", "details", "body"), 4000);
        TicketPriority priority = Optional.ofNullable(string(call.arguments(), "priority"))
                .flatMap(TicketPriority::find)
                .orElse(TicketPriority.NORMAL);
        String phone = phone(call, callerPhone);
        ClientId clientId = phone == null
                ? null
                : clients.findByPhone(tenant.id(), phone).map(ClientView::id)
                        .orElse(null);
        // the tool call id keeps a redelivered request to one ticket
        String reference = "vapi:" + (call.id() == null ? vapiCallId + ":" + subject : call.id());
        TicketId ticket = tickets.open(new NewTicket(tenant.id(), subject,
                description == null ? subject : description, TicketChannel.PHONE, clientId, null,
                limit(string(call.arguments(), "name", "caller_name"), 200), phone, limit(reference, 255), priority,
                queue.now()));
        return write(Map.of("ticket_opened", true, "ticket_id", ticket.toString(), "message",
                "A ticket has been opened; the team will follow up."));
    }

    private Instant preferredTime(Tenant tenant, String phone, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException ignored) {
            // no offset: the caller's local time
        }
        try {
            List<ZoneId> zones = Phones.timeZones(phone);
            ZoneId zone = zones.size() == 1 ? zones.getFirst() : tenant.timezone();
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException ex) {
            throw ProblemException.invalidField("preferred_time", "must be a date and time, e.g. 2026-11-25T10:00");
        }
    }

    private static String phone(Call call, String callerPhone) {
        String given = string(call.arguments(), "phone", "phone_number", "phoneNumber");
        if (given != null) {
            return Phones.e164(given, "phone");
        }
        return callerPhone == null ? null : Phones.parseE164(callerPhone).orElse(null);
    }

    private Call call(JsonNode node) {
        JsonNode function = node.path("function");
        String name = text(function.path("name"));
        JsonNode arguments = function.path("arguments");
        if (name == null) {
            name = text(node.path("name"));
            arguments = node.path("parameters").isMissingNode() ? node.path("arguments") : node.path("parameters");
        }
        return new Call(text(node.path("id")), name, arguments(arguments));
    }

    private Map<String, Object> arguments(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode object = node;
        if (node.isString()) {
            try {
                object = json.readTree(node.asString());
            } catch (JacksonException ex) {
                return values;
            }
        }
        if (object.isObject()) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                values.put(field.getKey(), value.isValueNode() ? value.asString() : value.toString());
            }
        }
        return values;
    }

    private static String string(Map<String, Object> arguments, String... names) {
        for (String name : names) {
            Object value = arguments.get(name);
            if (value != null && !value.toString().isBlank() && !"null".equals(value.toString())) {
                return value.toString().trim();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private String write(Map<String, Object> value) {
        return json.writeValueAsString(value);
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = value.replaceAll("[^A-Za-z0-9 _./-]", "");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }
}
