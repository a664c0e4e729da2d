package com.zorahai.assistant.internal;

import com.zorahai.assistant.AssistantHandedOver;
import com.zorahai.assistant.internal.ConversationState.Flow;
import com.zorahai.assistant.internal.ConversationState.Step;
import com.zorahai.booking.Appointment;
import com.zorahai.booking.AppointmentId;
import com.zorahai.booking.BookableService;
import com.zorahai.booking.Bookings;
import com.zorahai.booking.Channel;
import com.zorahai.booking.Gender;
import com.zorahai.booking.NewAppointment;
import com.zorahai.booking.Slot;
import com.zorahai.platform.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step-by-step dialogues that work without a model: booking (service, gender when the price depends on it, day,
 * time, confirmation), cancelling and moving an appointment. Each step offers choices (buttons or a list, numbered
 * text elsewhere) and reads back a tap, a number or free text ("tomorrow", "10:30", the service's name). A booking
 * carries an idempotency key made of the conversation and the slot, so a redelivered confirmation books once; a slot
 * taken meanwhile gets the next free times.
 */
@Component("assistantBookingDialogue")
class BookingDialogue {

    private static final Logger log = LoggerFactory.getLogger(BookingDialogue.class);
    static final String SERVICE = "service:";
    static final String DAY = "day:";
    static final String TIME = "time:";
    static final String APPOINTMENT = "appointment:";
    static final String GENDER = "gender:";
    static final String YES = "yes";
    static final String NO = "no";

    private final Bookings bookings;
    private final Catalogue catalogue;
    private final AssistantProperties properties;
    private final Isolated isolated;
    private final Clock clock;

    BookingDialogue(Bookings bookings, Catalogue catalogue, AssistantProperties properties, Isolated isolated,
            Clock clock) {
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.properties = properties;
        this.isolated = isolated;
        this.clock = clock;
    }

    /** What the customer sent, with the choice it picks when it picks one. */
    record Input(String text, String choice) {
    }

    // ---------------------------------------------------------------- booking

    /** Starts a booking; a service named in the text is taken at once. */
    void startBooking(Turn turn, String text) {
        ConversationState state = turn.state;
        List<BookableService> services = services(turn);
        state.startFlow(Flow.BOOK, Step.SERVICE);
        turn.bookingStarted = true;
        turn.intent = Intent.BOOKING.value();
        if (services.isEmpty()) {
            state.clearDialogue();
            turn.say(text(turn, "book.no.services"));
            turn.handOver(AssistantHandedOver.BOT_FAILED);
            return;
        }
        Optional<BookableService> named = match(services, text);
        if (named.isPresent()) {
            turn.bookingServiceId = named.get().id();
            chooseService(turn, named.get());
        } else {
            offerServices(turn, services);
        }
    }

    /**
     * Continues the dialogue under way with the customer's answer; false when the answer does not fit the step (the
     * caller decides what to do with it then).
     */
    boolean next(Turn turn, Input input) {
        ConversationState state = turn.state;
        return switch (state.step) {
            case SERVICE -> onService(turn, input);
            case GENDER -> onGender(turn, input);
            case DAY -> onDay(turn, input);
            case TIME -> onTime(turn, input);
            case CONFIRM -> onConfirm(turn, input);
            case APPOINTMENT -> onAppointment(turn, input);
            case CANCEL_CONFIRM -> onCancelConfirm(turn, input);
        };
    }

    /** Asks the current step's question again (after an answer that did not fit, or a question in between). */
    void repeat(Turn turn) {
        ConversationState state = turn.state;
        switch (state.step) {
            case SERVICE -> offerServices(turn, services(turn));
            case GENDER -> askGender(turn);
            case DAY -> offerDays(turn, state.flow == Flow.RESCHEDULE ? "reschedule.day" : "book.day");
            case TIME -> {
                if (state.day != null) {
                    offerTimes(turn, state.day, "book.time");
                } else {
                    offerDays(turn, "book.day");
                }
            }
            case CONFIRM -> askConfirm(turn);
            case APPOINTMENT -> startAppointmentFlow(turn, state.flow, null);
            case CANCEL_CONFIRM -> askCancel(turn);
        }
    }

    private boolean onService(Turn turn, Input input) {
        List<BookableService> services = services(turn);
        Optional<BookableService> chosen = Optional.empty();
        if (input.choice() != null && input.choice().startsWith(SERVICE)) {
            String id = input.choice().substring(SERVICE.length());
            chosen = services.stream().filter(s -> s.id().equals(id)).findFirst();
        }
        if (chosen.isEmpty()) {
            chosen = match(services, input.text());
        }
        if (chosen.isEmpty()) {
            return false;
        }
        chooseService(turn, chosen.get());
        return true;
    }

    private void chooseService(Turn turn, BookableService service) {
        ConversationState state = turn.state;
        state.serviceId = service.id();
        state.serviceName = service.name();
        if (!service.pricesByGender().isEmpty() && state.gender == null) {
            askGender(turn);
        } else {
            offerDays(turn, "book.day");
        }
    }

    private void askGender(Turn turn) {
        turn.state.step = Step.GENDER;
        offer(turn, text(turn, "book.gender"), null,
                List.of(new Reply.Option(GENDER + "female", text(turn, "book.gender.female")),
                        new Reply.Option(GENDER + "male", text(turn, "book.gender.male"))));
    }

    private boolean onGender(Turn turn, Input input) {
        Optional<Gender> gender = Optional.empty();
        if (input.choice() != null && input.choice().startsWith(GENDER)) {
            gender = Gender.find(input.choice().substring(GENDER.length()));
        }
        if (gender.isEmpty()) {
            gender = Genders.of(input.text());
        }
        if (gender.isEmpty()) {
            return false;
        }
        turn.state.gender = gender.get();
        offerDays(turn, "book.day");
        return true;
    }

    /** Offers the next days with free times for the chosen service. */
    private void offerDays(Turn turn, String key) {
        ConversationState state = turn.state;
        Map<LocalDate, List<Slot>> days = freeDays(turn, state.serviceId);
        if (days.isEmpty()) {
            turn.say(text(turn, "book.no.days", Map.of("service", state.serviceName, "days",
                    String.valueOf(properties.daysAhead()))));
            state.clearDialogue();
            turn.handOver(AssistantHandedOver.BOT_FAILED);
            return;
        }
        state.step = Step.DAY;
        List<Reply.Option> options = new ArrayList<>();
        days.keySet().stream().limit(properties.daysOffered()).forEach(day -> options.add(
                new Reply.Option(DAY + day, When.day(day, turn.language))));
        offer(turn, text(turn, key, Map.of("service", state.serviceName)), text(turn, "book.day.button"), options);
    }

    private boolean onDay(Turn turn, Input input) {
        LocalDate today = LocalDate.now(clock.withZone(zone(turn)));
        Optional<LocalDate> day = Optional.empty();
        if (input.choice() != null && input.choice().startsWith(DAY)) {
            day = Optional.of(LocalDate.parse(input.choice().substring(DAY.length())));
        }
        if (day.isEmpty()) {
            day = When.day(input.text(), today);
        }
        if (day.isEmpty()) {
            return false;
        }
        if (slots(turn, turn.state.serviceId, day.get(), day.get()).isEmpty()) {
            turn.say(text(turn, "book.day.full", Map.of("day", When.day(day.get(), turn.language))));
            offerDays(turn, turn.state.flow == Flow.RESCHEDULE ? "reschedule.day" : "book.day");
            return true;
        }
        offerTimes(turn, day.get(), "book.time");
        Optional<LocalTime> time = When.time(input.text());
        if (time.isPresent()) {
            // "tomorrow at 10:30": the day and the time in one message
            turn.replies.removeLast();
            return onTime(turn, new Input(input.text(), null)) || reofferTimes(turn);
        }
        return true;
    }

    private boolean reofferTimes(Turn turn) {
        offerTimes(turn, turn.state.day, "book.time");
        return true;
    }

    /** Offers free times of one day, spread over the day when there are more than a list holds. */
    private void offerTimes(Turn turn, LocalDate day, String key) {
        ConversationState state = turn.state;
        state.step = Step.TIME;
        state.day = day;
        List<ZonedDateTime> starts = spread(distinctStarts(slots(turn, state.serviceId, day, day)),
                properties.timesOffered());
        List<Reply.Option> options = starts.stream()
                .map(s -> new Reply.Option(TIME + s.toInstant().getEpochSecond(), When.time(s)))
                .toList();
        offer(turn, text(turn, key, Map.of("day", When.day(day, turn.language), "service", state.serviceName)),
                text(turn, "book.time.button"), options);
    }

    private boolean onTime(Turn turn, Input input) {
        ConversationState state = turn.state;
        if (input.choice() != null && input.choice().startsWith(TIME)) {
            Instant start = Instant.ofEpochSecond(Long.parseLong(input.choice().substring(TIME.length())));
            state.slotStart = start;
            askConfirm(turn);
            return true;
        }
        Optional<LocalTime> time = When.time(input.text());
        if (time.isEmpty() || state.day == null) {
            return false;
        }
        List<ZonedDateTime> starts = distinctStarts(slots(turn, state.serviceId, state.day, state.day));
        Optional<ZonedDateTime> exact = starts.stream().filter(s -> s.toLocalTime().equals(time.get())).findFirst();
        if (exact.isPresent()) {
            state.slotStart = exact.get().toInstant();
            askConfirm(turn);
            return true;
        }
        // the nearest free times around the one asked for
        ZonedDateTime wanted = ZonedDateTime.of(state.day, time.get(), zone(turn));
        List<ZonedDateTime> nearest = starts.stream()
                .sorted((a, b) -> Long.compare(Math.abs(a.toEpochSecond() - wanted.toEpochSecond()),
                        Math.abs(b.toEpochSecond() - wanted.toEpochSecond())))
                .limit(properties.timesOffered())
                .sorted()
                .toList();
        state.step = Step.TIME;
        offer(turn, text(turn, "book.time.unavailable", Map.of("time", When.time(wanted), "day",
                When.day(state.day, turn.language))), text(turn, "book.time.button"),
                nearest.stream().map(s -> new Reply.Option(TIME + s.toEpochSecond(), When.time(s))).toList());
        return true;
    }

    private void askConfirm(Turn turn) {
        ConversationState state = turn.state;
        state.step = Step.CONFIRM;
        ZonedDateTime start = state.slotStart.atZone(zone(turn));
        boolean moving = state.flow == Flow.RESCHEDULE;
        offer(turn, text(turn, moving ? "reschedule.confirm" : "book.confirm", Map.of("service", state.serviceName,
                "day", When.day(start.toLocalDate(), turn.language), "time", When.time(start))), null,
                List.of(new Reply.Option(YES, text(turn, moving ? "reschedule.confirm.yes" : "book.confirm.yes")),
                        new Reply.Option(NO, text(turn, "book.confirm.no"))));
    }

    private boolean onConfirm(Turn turn, Input input) {
        Optional<Boolean> yes = yesNo(input);
        if (yes.isEmpty()) {
            return false;
        }
        if (!yes.get()) {
            offerDays(turn, turn.state.flow == Flow.RESCHEDULE ? "reschedule.day" : "book.day");
            return true;
        }
        if (turn.state.flow == Flow.RESCHEDULE) {
            reschedule(turn);
        } else {
            book(turn);
        }
        return true;
    }

    private void book(Turn turn) {
        ConversationState state = turn.state;
        Instant start = state.slotStart;
        String key = "whatsapp:" + turn.conversationId + ":" + state.serviceId + ":" + start.getEpochSecond();
        String name = turn.customerName();
        NewAppointment request = new NewAppointment(state.serviceId, start, null, name, turn.phone(), null,
                state.gender, Channel.WHATSAPP, turn.language.code(), null, key);
        try {
            Appointment booked = isolated.call(() -> bookings.book(turn.tenantId(), request));
            ZonedDateTime at = booked.start();
            turn.say(text(turn, "book.booked", Map.of("service", booked.serviceName(), "day",
                    When.day(at.toLocalDate(), turn.language), "time", When.time(at))));
            turn.intent = "booked";
            state.clearDialogue();
        } catch (ProblemException e) {
            slotRefused(turn, e, start);
        }
    }

    private void reschedule(Turn turn) {
        ConversationState state = turn.state;
        Instant start = state.slotStart;
        try {
            Appointment moved = isolated.call(() -> bookings.reschedule(turn.tenantId(),
                    AppointmentId.of(state.appointmentId), start));
            ZonedDateTime at = moved.start();
            turn.say(text(turn, "reschedule.done", Map.of("service", moved.serviceName(), "day",
                    When.day(at.toLocalDate(), turn.language), "time", When.time(at))));
            turn.intent = "rescheduled";
            state.clearDialogue();
        } catch (ProblemException e) {
            slotRefused(turn, e, start);
        }
    }

    /** A slot went meanwhile (or is no longer bookable): the next free times; a failing provider: a person. */
    private void slotRefused(Turn turn, ProblemException e, Instant start) {
        ConversationState state = turn.state;
        if (e.status().is5xxServerError() || e.status().value() == 404 || e.status().value() == 400) {
            log.warn("Booking refused for tenant {} ({} {})", turn.tenantId().value(), e.status().value(), e.type());
            turn.say(text(turn, "book.failed"));
            state.clearDialogue();
            turn.handOver(AssistantHandedOver.BOT_FAILED);
            return;
        }
        ZonedDateTime taken = start.atZone(zone(turn));
        LocalDate from = taken.toLocalDate();
        List<ZonedDateTime> next = distinctStarts(slots(turn, state.serviceId, from,
                from.plusDays(properties.daysAhead() - 1))).stream()
                .filter(s -> s.isAfter(taken))
                .limit(properties.timesOffered())
                .toList();
        if (next.isEmpty()) {
            turn.say(text(turn, "book.no.days", Map.of("service", state.serviceName, "days",
                    String.valueOf(properties.daysAhead()))));
            state.clearDialogue();
            turn.handOver(AssistantHandedOver.BOT_FAILED);
            return;
        }
        state.step = Step.TIME;
        state.day = null;
        state.slotStart = null;
        boolean oneDay = next.stream().allMatch(s -> s.toLocalDate().equals(from));
        offer(turn, text(turn, "book.taken", Map.of("time", When.time(taken), "day",
                When.day(from, turn.language))), text(turn, "book.time.button"),
                next.stream().map(s -> new Reply.Option(TIME + s.toEpochSecond(), oneDay
                        ? When.time(s)
                        : When.shortDay(s.toLocalDate(), turn.language) + " " + When.time(s))).toList());
    }

    // ---------------------------------------------------------------- cancel and reschedule

    /**
     * Starts cancelling or moving an appointment: the one just reminded of, the only one coming up, or a choice
     * among them.
     */
    void startAppointmentFlow(Turn turn, Flow flow, UUID reminded) {
        ConversationState state = turn.state;
        turn.intent = flow == Flow.CANCEL ? Intent.CANCEL.value() : Intent.RESCHEDULE.value();
        List<Appointment> upcoming = upcoming(turn);
        Optional<Appointment> known = reminded == null
                ? Optional.empty()
                : upcoming.stream().filter(a -> a.id().value().equals(reminded)).findFirst();
        if (known.isEmpty() && upcoming.size() == 1) {
            known = Optional.of(upcoming.getFirst());
        }
        if (known.isPresent()) {
            state.startFlow(flow, Step.APPOINTMENT);
            chooseAppointment(turn, known.get());
            return;
        }
        if (upcoming.isEmpty()) {
            state.clearDialogue();
            turn.say(text(turn, "appointments.none"));
            return;
        }
        state.startFlow(flow, Step.APPOINTMENT);
        ZoneId zone = zone(turn);
        offer(turn, text(turn, "appointments.pick"), text(turn, "appointments.button"), upcoming.stream()
                .limit(Replier.MAX_ROWS)
                .map(a -> {
                    ZonedDateTime at = a.start().withZoneSameInstant(zone);
                    return new Reply.Option(APPOINTMENT + a.id().value(), a.serviceName(),
                            When.shortDay(at.toLocalDate(), turn.language) + " " + When.time(at));
                })
                .toList());
    }

    private boolean onAppointment(Turn turn, Input input) {
        if (input.choice() == null || !input.choice().startsWith(APPOINTMENT)) {
            return false;
        }
        UUID id = UUID.fromString(input.choice().substring(APPOINTMENT.length()));
        Optional<Appointment> chosen = upcoming(turn).stream().filter(a -> a.id().value().equals(id)).findFirst();
        if (chosen.isEmpty()) {
            return false;
        }
        chooseAppointment(turn, chosen.get());
        return true;
    }

    private void chooseAppointment(Turn turn, Appointment appointment) {
        ConversationState state = turn.state;
        state.appointmentId = appointment.id().value();
        state.serviceId = appointment.serviceId();
        state.serviceName = appointment.serviceName();
        state.slotStart = appointment.start().toInstant();
        if (state.flow == Flow.CANCEL) {
            askCancel(turn);
        } else {
            offerDays(turn, "reschedule.day");
        }
    }

    private void askCancel(Turn turn) {
        ConversationState state = turn.state;
        state.step = Step.CANCEL_CONFIRM;
        ZonedDateTime at = state.slotStart.atZone(zone(turn));
        offer(turn, text(turn, "cancel.confirm", Map.of("service", state.serviceName, "day",
                When.day(at.toLocalDate(), turn.language), "time", When.time(at))), null,
                List.of(new Reply.Option(YES, text(turn, "cancel.confirm.yes")),
                        new Reply.Option(NO, text(turn, "cancel.confirm.no"))));
    }

    private boolean onCancelConfirm(Turn turn, Input input) {
        ConversationState state = turn.state;
        Optional<Boolean> yes = yesNo(input);
        if (yes.isEmpty()) {
            return false;
        }
        if (!yes.get()) {
            turn.say(text(turn, "cancel.kept"));
            state.clearDialogue();
            return true;
        }
        try {
            Appointment cancelled = isolated.call(() -> bookings.cancel(turn.tenantId(),
                    AppointmentId.of(state.appointmentId), "cancelled by the customer on WhatsApp"));
            ZonedDateTime at = cancelled.start();
            turn.say(text(turn, "cancel.done", Map.of("service", cancelled.serviceName(), "day",
                    When.day(at.toLocalDate(), turn.language), "time", When.time(at))));
            turn.intent = "cancelled";
        } catch (ProblemException e) {
            log.warn("Cancellation refused for tenant {} ({} {})", turn.tenantId().value(), e.status().value(),
                    e.type());
            turn.say(text(turn, "book.failed"));
            turn.handOver(AssistantHandedOver.BOT_FAILED);
        }
        state.clearDialogue();
        return true;
    }

    // ---------------------------------------------------------------- helpers

    List<BookableService> services(Turn turn) {
        return isolated.call(() -> bookings.services(turn.tenantId())).stream().filter(BookableService::active)
                .toList();
    }

    private void offerServices(Turn turn, List<BookableService> services) {
        turn.state.step = Step.SERVICE;
        offer(turn, text(turn, "book.service"), text(turn, "book.service.button"), services.stream()
                .limit(Replier.MAX_ROWS)
                .map(s -> new Reply.Option(SERVICE + s.id(), s.name(), Prices.describe(s, turn.state.gender,
                        turn.language, catalogue)))
                .toList());
    }

    /** The service whose name shares the most words with the text; none on a tie or no shared word. */
    static Optional<BookableService> match(List<BookableService> services, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = " " + Keywords.fold(text) + " ";
        BookableService best = null;
        int bestScore = 0;
        boolean tie = false;
        for (BookableService service : services) {
            int score = 0;
            for (String word : Keywords.fold(service.name()).split(" ")) {
                if (word.length() >= 3 && folded.contains(" " + word + " ")) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = service;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private Map<LocalDate, List<Slot>> freeDays(Turn turn, String serviceId) {
        LocalDate today = LocalDate.now(clock.withZone(zone(turn)));
        Map<LocalDate, List<Slot>> days = new TreeMap<>();
        for (Slot slot : slots(turn, serviceId, today, today.plusDays(properties.daysAhead() - 1))) {
            days.computeIfAbsent(slot.start().toLocalDate(), d -> new ArrayList<>()).add(slot);
        }
        return days;
    }

    private List<Slot> slots(Turn turn, String serviceId, LocalDate from, LocalDate to) {
        try {
            return isolated.call(() -> bookings.availability(turn.tenantId(), serviceId, from, to, null));
        } catch (ProblemException e) {
            log.warn("Availability refused for tenant {} ({} {})", turn.tenantId().value(), e.status().value(),
                    e.type());
            return List.of();
        }
    }

    private List<Appointment> upcoming(Turn turn) {
        if (turn.phone() == null) {
            return List.of();
        }
        return isolated.call(() -> bookings.upcomingFor(turn.tenantId(), turn.phone()));
    }

    static List<ZonedDateTime> distinctStarts(List<Slot> slots) {
        Map<Instant, ZonedDateTime> starts = new LinkedHashMap<>();
        slots.stream().map(Slot::start).sorted().forEach(s -> starts.putIfAbsent(s.toInstant(), s));
        return new ArrayList<>(starts.values());
    }

    /**
     * At most {@code max} of the times, spread over the day: on-the-hour and half-hour times first, then evenly
     * picked when there are still too many.
     */
    static List<ZonedDateTime> spread(List<ZonedDateTime> starts, int max) {
        if (starts.size() <= max) {
            return starts;
        }
        List<ZonedDateTime> round = starts.stream().filter(s -> s.getMinute() % 30 == 0).toList();
        List<ZonedDateTime> pool = round.size() >= max ? round : starts;
        if (pool.size() <= max) {
            return pool;
        }
        List<ZonedDateTime> picked = new ArrayList<>();
        double step = (double) pool.size() / max;
        for (int i = 0; i < max; i++) {
            picked.add(pool.get((int) Math.floor(i * step)));
        }
        return picked;
    }

    private Optional<Boolean> yesNo(Input input) {
        if (YES.equals(input.choice())) {
            return Optional.of(true);
        }
        if (NO.equals(input.choice())) {
            return Optional.of(false);
        }
        return Keywords.yesNo(input.text());
    }

    private void offer(Turn turn, String body, String button, List<Reply.Option> options) {
        turn.ask(body, button, options);
        turn.state.offered = new ArrayList<>(options.stream().map(Reply.Option::id).toList());
    }

    private ZoneId zone(Turn turn) {
        return turn.tenant.timezone();
    }

    private String text(Turn turn, String key) {
        return catalogue.text(turn.language, key);
    }

    private String text(Turn turn, String key, Map<String, String> values) {
        return catalogue.text(turn.language, key, values);
    }
}
