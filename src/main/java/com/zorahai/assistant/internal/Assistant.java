package com.zorahai.assistant.internal;

import com.zorahai.assistant.AssistantAnswered;
import com.zorahai.assistant.AssistantHandedOver;
import com.zorahai.assistant.AssistantMessageReceived;
import com.zorahai.assistant.BookingStarted;
import com.zorahai.assistant.UnansweredQuestion;
import com.zorahai.assistant.internal.BookingDialogue.Input;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppMessage;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Answers one customer message, once. A turn runs in one transaction: it claims the message (a unique row per
 * inbound message, so a redelivery does nothing), locks the conversation's state (messages of one conversation are
 * answered one after the other), picks the customer's language, answers with the model when one is configured and
 * the offline assistant otherwise or when the model fails, then queues the replies, hands over when needed, records
 * what it did and publishes the analytics events. Crashing half-way rolls all of it back, and the redelivered event
 * starts the turn again.
 */
@Service("assistant")
class Assistant {

    private static final Logger log = LoggerFactory.getLogger(Assistant.class);

    private final Tenants tenants;
    private final AssistantSettings settings;
    private final AssistantStore store;
    private final OfflineAssistant offline;
    private final ModelAssistant model;
    private final Replier replier;
    private final Handover handover;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LanguageDetector languages = new LanguageDetector();

    Assistant(Tenants tenants, AssistantSettings settings, AssistantStore store, OfflineAssistant offline,
            ModelAssistant model, Replier replier, Handover handover, Catalogue catalogue,
            ApplicationEventPublisher events, Clock clock) {
        this.tenants = tenants;
        this.settings = settings;
        this.store = store;
        this.offline = offline;
        this.model = model;
        this.replier = replier;
        this.handover = handover;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    /** Answers the message in the caller's transaction; does nothing for a message already answered. */
    void answer(WhatsAppMessageReceived event) {
        long started = System.nanoTime();
        TenantId tenantId = event.tenantId();
        Optional<Tenant> tenant = tenants.find(tenantId);
        WhatsAppMessage message = event.message();
        if (tenant.isEmpty() || !tenant.get().has(Tenant.Feature.WHATSAPP) || event.botPaused() || message == null
                || message.type() == MessageType.REACTION) {
            return;
        }
        AssistantSettings.Settings current = settings.get(tenantId);
        if (!current.botEnabled()) {
            return;
        }
        Optional<UUID> turnId = store.claimTurn(tenantId, event.conversationId(), event.messageId(),
                message.type().value());
        if (turnId.isEmpty()) {
            log.debug("Message {} was answered before", event.messageId());
            return;
        }
        MDC.put("tenantId", tenantId.value());
        try {
            Turn turn = turn(tenant.get(), event);
            events.publishEvent(new AssistantMessageReceived(tenantId, event.conversationId(), event.messageId(),
                    message.type().value(), turn.language.code(), turn.receivedAt));
            try {
                route(turn);
            } catch (RuntimeException e) {
                log.error("The assistant failed on a message of tenant {}; handing over", tenantId.value(), e);
                turn.replies.clear();
                turn.say(catalogue.text(turn.language, "handover.failed"));
                turn.handOver(AssistantHandedOver.BOT_FAILED);
            }
            settle(turn, current);
            replier.send(turn);
            Instant now = clock.instant();
            if (turn.outcome == Turn.Outcome.HANDED_OVER) {
                handover.handOver(turn, current.handoverEmails(), now);
            }
            if (turn.unansweredQuestion != null && !turn.unansweredQuestion.isBlank()) {
                String question = Replier.clip(turn.unansweredQuestion.strip(), 2000);
                store.addUnanswered(tenantId, turn.conversationId, question, turn.language.code(), now);
                events.publishEvent(new UnansweredQuestion(tenantId, turn.conversationId, question,
                        turn.language.code(), now));
            }
            if (turn.bookingStarted) {
                events.publishEvent(new BookingStarted(tenantId, turn.conversationId, turn.bookingServiceId,
                        turn.language.code(), now));
            }
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (turn.outcome == Turn.Outcome.ANSWERED) {
                events.publishEvent(new AssistantAnswered(tenantId, turn.conversationId, turn.messageId, turn.engine,
                        turn.intent, turn.language.code(), latency, turn.promptTokens, turn.completionTokens, now));
            }
            store.save(tenantId, turn.state);
            store.finishTurn(turnId.get(), turn.language.code(), turn.intent, turn.engine,
                    turn.outcome.name().toLowerCase(), latency, turn.promptTokens, turn.completionTokens);
            log.info("Answered message {} of tenant {}: {} {} ({} ms)", event.messageId(), tenantId.value(),
                    turn.intent, turn.outcome.name().toLowerCase(), latency);
        } finally {
            MDC.remove("tenantId");
        }
    }

    private Turn turn(Tenant tenant, WhatsAppMessageReceived event) {
        ConversationState state = store.lock(tenant.id(), event.conversationId());
        if (state.customerName == null && event.contact() != null && event.contact().name() != null
                && !event.contact().name().isBlank()) {
            state.customerName = Replier.clip(event.contact().name().strip(), 100);
        }
        Turn turn = new Turn(tenant, event.conversationId(), event.messageId(), event.contact(), event.message(),
                state, clock.instant());
        turn.text = text(event.message());
        turn.language = language(tenant, state, turn.text);
        state.language = turn.language;
        return turn;
    }

    /** The message's language; the conversation's when the text tells nothing; the tenant's for a first message. */
    Language language(Tenant tenant, ConversationState state, String text) {
        return languages.detect(text)
                .or(() -> Optional.ofNullable(state.language))
                .or(() -> Language.of(tenant.locale() == null ? null : tenant.locale().getLanguage()))
                .orElse(Language.EN);
    }

    private void route(Turn turn) {
        WhatsAppMessage message = turn.message;
        switch (message.type()) {
            case TEXT, INTERACTIVE, BUTTON -> {
                Input input = input(turn);
                if (model.available() && !turn.state.inDialogue()) {
                    if (model.answer(turn, turn.text)) {
                        return;
                    }
                    reset(turn);
                }
                offline.answer(turn, input);
            }
            case IMAGE -> {
                if (model.available() && model.photo(turn)) {
                    return;
                }
                reset(turn);
                media(turn, "media.photo", AssistantHandedOver.PHOTO);
            }
            case AUDIO -> {
                if (model.available()) {
                    Optional<String> words = model.transcribe(turn);
                    if (words.isPresent()) {
                        turn.text = words.get();
                        turn.language = language(turn.tenant, turn.state, turn.text);
                        turn.state.language = turn.language;
                        if (model.answer(turn, turn.text)) {
                            return;
                        }
                        reset(turn);
                        offline.answer(turn, new Input(turn.text, null));
                        return;
                    }
                }
                media(turn, "media.voice", AssistantHandedOver.VOICE_NOTE);
            }
            default -> media(turn, "media.other", AssistantHandedOver.MEDIA);
        }
    }

    /** What the offline assistant reads: the text, and the choice a tap or a number picks. */
    private static Input input(Turn turn) {
        WhatsAppMessage message = turn.message;
        String choice = message.reply() != null && message.reply().id() != null ? message.reply().id() : null;
        if (choice == null) {
            Optional<Integer> number = When.number(turn.text);
            if (number.isPresent() && number.get() >= 1 && number.get() <= turn.state.offered.size()) {
                choice = turn.state.offered.get(number.get() - 1);
            }
        }
        return new Input(turn.text == null ? "" : turn.text, choice);
    }

    private void media(Turn turn, String key, String reason) {
        turn.intent = reason;
        turn.say(catalogue.text(turn.language, key));
        turn.state.clearDialogue();
        turn.handOver(reason);
    }

    /** Forgets what a failed model round left in the turn, so the offline assistant starts clean. */
    private static void reset(Turn turn) {
        turn.replies.clear();
        turn.engine = "offline";
        turn.outcome = Turn.Outcome.ANSWERED;
        turn.handoverReason = null;
        turn.unansweredQuestion = null;
    }

    /** Counts failures in a row; at the tenant's limit the conversation goes to a person. */
    private void settle(Turn turn, AssistantSettings.Settings current) {
        ConversationState state = turn.state;
        switch (turn.outcome) {
            case UNANSWERED, NOT_UNDERSTOOD -> {
                state.failures++;
                if (state.failures >= current.maxFailures()) {
                    turn.replies.clear();
                    turn.say(catalogue.text(turn.language, "handover.failed"));
                    turn.handOver(AssistantHandedOver.BOT_FAILED);
                }
            }
            case ANSWERED -> state.failures = 0;
            default -> {
            }
        }
    }

    private static String text(WhatsAppMessage message) {
        if (message.text() != null && !message.text().isBlank()) {
            return message.text().strip();
        }
        if (message.reply() != null && message.reply().title() != null) {
            return message.reply().title().strip();
        }
        return "";
    }
}
