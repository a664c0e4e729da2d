package com.zorahai.assistant.internal;

import com.zorahai.assistant.AssistantHandedOver;
import com.zorahai.assistant.internal.BookingDialogue.Input;
import com.zorahai.assistant.internal.ConversationState.Flow;
import com.zorahai.booking.BookableService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The assistant without a model: keyword intents in English, French and Arabic (prices, hours, location, booking,
 * cancel, reschedule, a person), answers from the clinic's Q&A pairs and documents, and the booking dialogues. What
 * it cannot answer is marked unanswered, for the trainer.
 */
@Component("assistantOffline")
class OfflineAssistant {

    static final String INTENT = "intent:";
    private static final Map<Language, String> HOURS = Map.of(Language.EN, "opening hours", Language.FR,
            "horaires d'ouverture", Language.AR, "ساعات العمل");
    private static final Map<Language, String> LOCATION = Map.of(Language.EN, "clinic address location",
            Language.FR, "adresse de la clinique", Language.AR, "عنوان العيادة");

    private final BookingDialogue dialogue;
    private final KnowledgeAnswers knowledge;
    private final Catalogue catalogue;
    private final AssistantProperties properties;
    private final Clock clock;

    OfflineAssistant(BookingDialogue dialogue, KnowledgeAnswers knowledge, Catalogue catalogue,
            AssistantProperties properties, Clock clock) {
        this.dialogue = dialogue;
        this.knowledge = knowledge;
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
    }

    void answer(Turn turn, Input input) {
        ConversationState state = turn.state;
        String text = input.text() == null ? "" : input.text();
        Intent intent = intent(input);
        Genders.of(text).ifPresent(g -> state.gender = g);
        if (intent == Intent.HUMAN) {
            turn.intent = intent.value();
            state.clearDialogue();
            turn.say(catalogue.text(turn.language, "handover"));
            turn.handOver(AssistantHandedOver.CUSTOMER_ASKED);
            return;
        }
        if (state.inDialogue()) {
            turn.intent = state.flow.name().toLowerCase(Locale.ROOT);
            if (Keywords.stop(text) || (intent == Intent.CANCEL && state.flow == Flow.BOOK)) {
                state.clearDialogue();
                turn.say(catalogue.text(turn.language, "book.stopped"));
                return;
            }
            if (dialogue.next(turn, input)) {
                return;
            }
            switch (intent) {
                case CANCEL, RESCHEDULE -> startAppointmentFlow(turn, intent);
                case PRICES, HOURS, LOCATION -> {
                    // a question in the middle of a dialogue: answer it, then ask the step's question again
                    single(turn, intent, text);
                    dialogue.repeat(turn);
                }
                default -> {
                    turn.say(catalogue.text(turn.language, "not.understood"));
                    dialogue.repeat(turn);
                    turn.outcome = Turn.Outcome.NOT_UNDERSTOOD;
                }
            }
            return;
        }
        single(turn, intent, text);
    }

    /** Answers a message outside any dialogue. */
    private void single(Turn turn, Intent intent, String text) {
        turn.intent = intent.value();
        switch (intent) {
            case CANCEL, RESCHEDULE -> startAppointmentFlow(turn, intent);
            case BOOKING -> dialogue.startBooking(turn, text);
            case PRICES -> prices(turn, text);
            case HOURS -> fromKnowledge(turn, text, HOURS.get(turn.language));
            case LOCATION -> fromKnowledge(turn, text, LOCATION.get(turn.language));
            case THANKS -> turn.say(catalogue.text(turn.language, "thanks"));
            case GREETING -> {
                Optional<KnowledgeAnswers.Answer> answer = Keywords.fold(text).split(" ").length > 4
                        ? knowledge.answer(turn.tenantId(), text, turn.language)
                        : Optional.empty();
                if (answer.isPresent()) {
                    turn.intent = Intent.QUESTION.value();
                    turn.say(answer.get().text());
                } else {
                    welcome(turn);
                }
            }
            case QUESTION, HUMAN -> fromKnowledge(turn, text, null);
        }
    }

    private void startAppointmentFlow(Turn turn, Intent intent) {
        ConversationState state = turn.state;
        UUID reminded = state.remindedAppointment != null && state.remindedAt != null
                && state.remindedAt.plus(properties.reminderReplyWindow()).isAfter(clock.instant())
                        ? state.remindedAppointment
                        : null;
        dialogue.startAppointmentFlow(turn, intent == Intent.CANCEL ? Flow.CANCEL : Flow.RESCHEDULE, reminded);
    }

    private void welcome(Turn turn) {
        String name = turn.state.customerName != null ? " " + turn.state.customerName : "";
        String body = catalogue.text(turn.language, "welcome", Map.of("name", name, "clinic", turn.tenant.name()));
        List<Reply.Option> options = List.of(
                new Reply.Option(INTENT + Intent.BOOKING.value(), catalogue.text(turn.language, "welcome.book")),
                new Reply.Option(INTENT + Intent.PRICES.value(), catalogue.text(turn.language, "welcome.prices")),
                new Reply.Option(INTENT + Intent.HUMAN.value(), catalogue.text(turn.language, "welcome.human")));
        turn.ask(body, null, options);
        turn.state.offered = new ArrayList<>(options.stream().map(Reply.Option::id).toList());
    }

    private void prices(Turn turn, String text) {
        List<BookableService> services = dialogue.services(turn);
        if (services.isEmpty()) {
            fromKnowledge(turn, text, null);
            return;
        }
        Optional<BookableService> named = BookingDialogue.match(services, text);
        StringBuilder reply = new StringBuilder();
        if (named.isPresent()) {
            reply.append(Prices.line(named.get(), turn.state.gender, turn.language, catalogue));
        } else {
            reply.append(catalogue.text(turn.language, "prices.header"));
            services.stream().limit(30).forEach(s -> reply.append("\n• ")
                    .append(Prices.line(s, turn.state.gender, turn.language, catalogue)));
        }
        reply.append("\n\n").append(catalogue.text(turn.language, "prices.footer"));
        turn.say(reply.toString());
    }

    /** The knowledge's answer to the text, else to the intent's own question, else unanswered. */
    private void fromKnowledge(Turn turn, String text, String fallbackQuery) {
        Optional<KnowledgeAnswers.Answer> answer = knowledge.answer(turn.tenantId(), text, turn.language);
        if (answer.isEmpty() && fallbackQuery != null) {
            answer = knowledge.answer(turn.tenantId(), fallbackQuery, turn.language);
        }
        if (answer.isPresent()) {
            turn.say(answer.get().text());
            return;
        }
        turn.say(catalogue.text(turn.language, "unanswered"));
        turn.unanswered(text);
    }

    private static Intent intent(Input input) {
        if (input.choice() != null && input.choice().startsWith(INTENT)) {
            String name = input.choice().substring(INTENT.length()).toUpperCase(Locale.ROOT);
            for (Intent intent : Intent.values()) {
                if (intent.name().equals(name)) {
                    return intent;
                }
            }
        }
        return Keywords.intent(input.text());
    }
}
