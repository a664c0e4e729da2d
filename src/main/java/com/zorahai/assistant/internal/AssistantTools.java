package com.zorahai.assistant.internal;

import com.zorahai.ai.ToolCall;
import com.zorahai.ai.ToolDefinition;
import com.zorahai.assistant.AssistantHandedOver;
import com.zorahai.booking.Appointment;
import com.zorahai.booking.AppointmentId;
import com.zorahai.booking.BookableService;
import com.zorahai.booking.Bookings;
import com.zorahai.booking.Channel;
import com.zorahai.booking.Gender;
import com.zorahai.booking.NewAppointment;
import com.zorahai.knowledge.KnowledgeHit;
import com.zorahai.platform.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools the model may call, run by the application against the clinic's knowledge and booking system. Each
 * takes the model's JSON arguments, checks them, and answers JSON the model reads; a bad argument or a refusal is an
 * {@code error} in the answer, never an exception, so the model can correct itself.
 */
@Component("assistantTools")
class AssistantTools {

    private static final Logger log = LoggerFactory.getLogger(AssistantTools.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_SLOTS = 24;

    static final String SEARCH_KNOWLEDGE = "search_knowledge";
    static final String LIST_SERVICES = "list_services";
    static final String CHECK_AVAILABILITY = "check_availability";
    static final String BOOK_APPOINTMENT = "book_appointment";
    static final String CANCEL_OR_RESCHEDULE = "cancel_or_reschedule";
    static final String HANDOFF_TO_HUMAN = "handoff_to_human";

    static final List<ToolDefinition> DEFINITIONS = List.of(
            new ToolDefinition(SEARCH_KNOWLEDGE,
                    "Search the clinic's knowledge (Q&A and documents) for facts: treatments, preparation, aftercare, "
                            + "hours, address, policies. Use it before answering any factual question.",
                    object(Map.of("query", Map.of("type", "string", "description",
                            "what to look for, in the customer's words")), List.of("query"))),
            new ToolDefinition(LIST_SERVICES,
                    "List the treatments that can be booked, with ids, durations and prices (per gender where they "
                            + "differ).",
                    object(Map.of(), List.of())),
            new ToolDefinition(CHECK_AVAILABILITY,
                    "Free start times for a service, in the clinic's time zone.",
                    object(Map.of("service_id", Map.of("type", "string", "description", "an id from list_services"),
                            "date", Map.of("type", "string", "description", "first day, YYYY-MM-DD"),
                            "days", Map.of("type", "integer", "description", "how many days from date (1 to 7)")),
                            List.of("service_id", "date"))),
            new ToolDefinition(BOOK_APPOINTMENT,
                    "Book a service at a free start time, once the customer has confirmed the exact day and time.",
                    object(Map.of("service_id", Map.of("type", "string"),
                            "start", Map.of("type", "string", "description",
                                    "local start time from check_availability, YYYY-MM-DDTHH:MM"),
                            "customer_name", Map.of("type", "string"),
                            "gender", Map.of("type", "string", "enum", List.of("female", "male"))),
                            List.of("service_id", "start"))),
            new ToolDefinition(CANCEL_OR_RESCHEDULE,
                    "The customer's upcoming appointments (action list), or cancel one, or move one to a new free "
                            + "start time. Confirm with the customer before cancelling or moving.",
                    object(Map.of("action", Map.of("type", "string", "enum", List.of("list", "cancel", "reschedule")),
                            "appointment_id", Map.of("type", "string"),
                            "new_start", Map.of("type", "string", "description", "YYYY-MM-DDTHH:MM, for reschedule")),
                            List.of("action"))),
            new ToolDefinition(HANDOFF_TO_HUMAN,
                    "Hand the conversation to the clinic's staff: when the customer asks for a person, is upset, "
                            + "has a medical concern, or you cannot help.",
                    object(Map.of("reason", Map.of("type", "string")), List.of("reason"))));

    private final Bookings bookings;
    private final KnowledgeAnswers knowledge;
    private final Isolated isolated;

    AssistantTools(Bookings bookings, KnowledgeAnswers knowledge, Isolated isolated) {
        this.bookings = bookings;
        this.knowledge = knowledge;
        this.isolated = isolated;
    }

    /** Runs one call for the turn and answers JSON text. */
    String run(Turn turn, ToolCall call) {
        JsonNode args;
        try {
            args = JSON.readTree(call.arguments());
        } catch (JacksonException e) {
            return error("the arguments are not JSON");
        }
        if (args == null || !args.isObject()) {
            return error("the arguments must be a JSON object");
        }
        try {
            return switch (call.name()) {
                case SEARCH_KNOWLEDGE -> search(turn, args);
                case LIST_SERVICES -> services(turn);
                case CHECK_AVAILABILITY -> availability(turn, args);
                case BOOK_APPOINTMENT -> book(turn, args);
                case CANCEL_OR_RESCHEDULE -> appointments(turn, args);
                case HANDOFF_TO_HUMAN -> {
                    turn.handOver(AssistantHandedOver.MODEL_ASKED);
                    yield JSON.writeValueAsString(Map.of("status", "handed_over",
                            "note", "staff will reply in this chat; tell the customer so"));
                }
                default -> error("there is no tool " + call.name());
            };
        } catch (ProblemException e) {
            return error(e.title() + (e.detail() == null ? "" : ": " + e.detail()));
        }
    }

    private String search(Turn turn, JsonNode args) {
        String query = text(args, "query");
        if (query == null) {
            return error("query is required");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (KnowledgeHit hit : knowledge.search(turn.tenantId(), query, 4)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("kind", hit.kind().value());
            r.put("title", hit.title());
            r.put("text", KnowledgeAnswers.passage(hit.text()));
            r.put("coverage", Math.round(hit.coverage() * 100) / 100.0);
            results.add(r);
        }
        return JSON.writeValueAsString(Map.of("results", results));
    }

    private String services(Turn turn) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (BookableService s : isolated.call(() -> bookings.services(turn.tenantId()))) {
            if (!s.active()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", s.id());
            item.put("name", s.name());
            item.put("duration_minutes", s.durationMinutes());
            if (s.price() != null) {
                item.put("price", Prices.format(s.price()));
            }
            if (!s.pricesByGender().isEmpty()) {
                Map<String, String> byGender = new LinkedHashMap<>();
                s.pricesByGender().forEach((g, m) -> byGender.put(g.value(), Prices.format(m)));
                item.put("prices_by_gender", byGender);
            }
            if (s.description() != null) {
                item.put("description", s.description());
            }
            list.add(item);
        }
        return JSON.writeValueAsString(Map.of("services", list));
    }

    private String availability(Turn turn, JsonNode args) {
        String serviceId = text(args, "service_id");
        if (serviceId == null) {
            return error("service_id is required");
        }
        LocalDate from;
        try {
            from = LocalDate.parse(text(args, "date") == null ? "" : text(args, "date"));
        } catch (DateTimeParseException e) {
            return error("date must be YYYY-MM-DD");
        }
        int days = args.has("days") && args.get("days").isNumber() ? args.get("days").asInt() : 1;
        days = Math.max(1, Math.min(7, days));
        LocalDate to = from.plusDays(days - 1L);
        ZoneId zone = turn.tenant.timezone();
        var slots = isolated.call(() -> bookings.availability(turn.tenantId(), serviceId, from, to, null));
        ConversationState state = turn.state;
        if (state.flow == null) {
            state.flow = ConversationState.Flow.BOOK;
            turn.bookingStarted = true;
            turn.bookingServiceId = serviceId;
        }
        state.serviceId = serviceId;
        state.day = from;
        List<Map<String, Object>> free = new ArrayList<>();
        for (ZonedDateTime start : BookingDialogue.spread(BookingDialogue.distinctStarts(slots), MAX_SLOTS)) {
            ZonedDateTime local = start.withZoneSameInstant(zone);
            free.add(Map.of("start", local.toLocalDateTime().toString(), "label",
                    When.day(local.toLocalDate(), turn.language) + " " + When.time(local)));
        }
        return JSON.writeValueAsString(Map.of("service_id", serviceId, "time_zone", zone.getId(), "free", free));
    }

    private String book(Turn turn, JsonNode args) {
        String serviceId = text(args, "service_id");
        Optional<Instant> start = start(turn, text(args, "start"));
        if (serviceId == null || start.isEmpty()) {
            return error("service_id and start (YYYY-MM-DDTHH:MM) are required");
        }
        String name = Optional.ofNullable(text(args, "customer_name")).orElseGet(turn::customerName);
        Gender gender = Gender.find(text(args, "gender")).orElse(turn.state.gender);
        String key = "whatsapp:" + turn.conversationId + ":" + serviceId + ":" + start.get().getEpochSecond();
        NewAppointment request = new NewAppointment(serviceId, start.get(), null, name, turn.phone(), null, gender,
                Channel.WHATSAPP, turn.language.code(), null, key);
        try {
            Appointment booked = isolated.call(() -> bookings.book(turn.tenantId(), request));
            turn.state.clearDialogue();
            turn.intent = "booked";
            return JSON.writeValueAsString(Map.of("status", "booked", "appointment_id", booked.id().toString(),
                    "service", booked.serviceName(), "start", booked.start().toLocalDateTime().toString()));
        } catch (ProblemException e) {
            if (e.status().value() == 409 || e.status().value() == 422) {
                return JSON.writeValueAsString(Map.of("status", "not_booked", "reason", e.type(),
                        "advice", "the time is no longer free: check_availability again and offer other times"));
            }
            throw e;
        }
    }

    private String appointments(Turn turn, JsonNode args) {
        String action = Optional.ofNullable(text(args, "action")).orElse("list");
        List<Appointment> upcoming = turn.phone() == null
                ? List.of()
                : isolated.call(() -> bookings.upcomingFor(turn.tenantId(), turn.phone()));
        if (action.equals("list")) {
            List<Map<String, Object>> list = upcoming.stream()
                    .map(a -> Map.<String, Object>of("appointment_id", a.id().toString(), "service", a.serviceName(),
                            "start", a.start().toLocalDateTime().toString()))
                    .toList();
            return JSON.writeValueAsString(Map.of("appointments", list));
        }
        String id = text(args, "appointment_id");
        Optional<Appointment> appointment = upcoming.stream().filter(a -> a.id().toString().equals(id)).findFirst();
        if (appointment.isEmpty()) {
            return error("appointment_id must be one of the customer's upcoming appointments (action list)");
        }
        AppointmentId appointmentId = AppointmentId.of(UUID.fromString(id));
        if (action.equals("cancel")) {
            Appointment cancelled = isolated.call(() -> bookings.cancel(turn.tenantId(), appointmentId,
                    "cancelled by the customer on WhatsApp"));
            turn.intent = "cancelled";
            return JSON.writeValueAsString(Map.of("status", "cancelled", "service", cancelled.serviceName(), "start",
                    cancelled.start().toLocalDateTime().toString()));
        }
        if (action.equals("reschedule")) {
            Optional<Instant> start = start(turn, text(args, "new_start"));
            if (start.isEmpty()) {
                return error("new_start (YYYY-MM-DDTHH:MM) is required to reschedule");
            }
            try {
                Appointment moved = isolated.call(() -> bookings.reschedule(turn.tenantId(), appointmentId,
                        start.get()));
                turn.intent = "rescheduled";
                return JSON.writeValueAsString(Map.of("status", "rescheduled", "service", moved.serviceName(),
                        "start", moved.start().toLocalDateTime().toString()));
            } catch (ProblemException e) {
                if (e.status().value() == 409 || e.status().value() == 422) {
                    return JSON.writeValueAsString(Map.of("status", "not_rescheduled", "reason", e.type()));
                }
                throw e;
            }
        }
        return error("action must be list, cancel or reschedule");
    }

    private Optional<Instant> start(Turn turn, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.length() > 16 ? value.substring(0, 16) : value)
                    .atZone(turn.tenant.timezone()).toInstant());
        } catch (DateTimeParseException e) {
            log.debug("Unreadable start from the model");
            return Optional.empty();
        }
    }

    private static String text(JsonNode args, String field) {
        JsonNode node = args.get(field);
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }

    private static String error(String message) {
        return JSON.writeValueAsString(Map.of("error", message));
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required, "additionalProperties",
                false);
    }
}
