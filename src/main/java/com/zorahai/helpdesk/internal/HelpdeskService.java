package com.zorahai.helpdesk.internal;

import com.zorahai.helpdesk.HelpdeskAnswered;
import com.zorahai.helpdesk.HelpdeskHandoverRequested;
import com.zorahai.helpdesk.UnansweredQuestion;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions and their turns. The answer is written outside any transaction (it may call a model); the question, the
 * answer and the events that announce it are then stored in one transaction, under a lock on the session so turns
 * keep their order.
 */
@Service
public class HelpdeskService {

    public static final int MAX_MESSAGE = 4000;
    static final int TRANSCRIPT_CHARS = 2000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");

    private final HelpdeskStore store;
    private final Answerer answerer;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    private final Knowledge knowledge;

    HelpdeskService(HelpdeskStore store, Answerer answerer, TransactionTemplate transactions,
            ApplicationEventPublisher events, Knowledge knowledge) {
        this.knowledge = knowledge;
        this.store = store;
        this.answerer = answerer;
        this.transactions = transactions;
        this.events = events;
    }

    /** Who the customer says they are; both optional. */
    public record Customer(String name, String email) {
    }

    /** A session with its messages. */
    public record Conversation(HelpdeskStore.Session session, List<HelpdeskStore.Message> messages) {
    }

    /** One turn: the customer's message and the answer. */
    public record Exchange(HelpdeskStore.Session session, HelpdeskStore.Message question,
            HelpdeskStore.Message answer) {
    }

    public HelpdeskStore.Session open(TenantId tenant, String channel, Customer customer, UUID createdBy) {
        Customer c = valid(customer);
        Instant now = now();
        HelpdeskStore.Session session = new HelpdeskStore.Session(UUID.randomUUID(), channel, "open", c.name(), c
                .email(), createdBy, now, now, null);
        store.insertSession(tenant, session);
        return session;
    }

    public Conversation conversation(TenantId tenant, String id) {
        HelpdeskStore.Session session = session(tenant, id);
        return new Conversation(session, store.messages(tenant, session.id()));
    }

    public Page<HelpdeskStore.Session> sessions(TenantId tenant, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > 1_000_000) {
            throw ProblemException.invalidField("page", "must be between 0 and 1000000");
        }
        if (s < 1 || s > 100) {
            throw ProblemException.invalidField("size", "must be between 1 and 100");
        }
        return new Page<>(store.sessions(tenant, p * s, s), p, s, store.countSessions(tenant));
    }

    /** Answers the customer's message; a plain "yes" right after an offer to hand over hands over instead. */
    public Exchange ask(TenantId tenant, String sessionId, String content) {
        String question = content == null ? "" : content.strip();
        if (question.isEmpty()) {
            throw ProblemException.invalidField("content", "is required");
        }
        if (question.length() > MAX_MESSAGE) {
            throw ProblemException.invalidField("content", "must be at most " + MAX_MESSAGE + " characters");
        }
        HelpdeskStore.Session session = session(tenant, sessionId);
        List<HelpdeskStore.Message> history = store.messages(tenant, session.id());
        Optional<HelpdeskStore.Message> lastAnswer = history.stream().filter(m -> m.role().equals("assistant"))
                .reduce((a, b) -> b);
        if (lastAnswer.isPresent() && lastAnswer.get().handoverOffered() && Phrases.isYes(question)) {
            return handover(tenant, session, question, null, lastAnswer.get().searchQuery());
        }
        List<Answer.Turn> turns = history.stream().map(m -> new Answer.Turn(m.role(), m.content())).toList();
        Answer answer = answerer.answer(tenant, turns, question);
        return transactions.execute(status -> {
            HelpdeskStore.Session locked = store.lockSession(tenant, session.id()).orElseThrow(
                    () -> ProblemException.notFound("session", sessionId));
            Instant now = now();
            int position = store.nextPosition(tenant, locked.id());
            HelpdeskStore.Message asked = customerMessage(locked.id(), position, question, now);
            HelpdeskStore.Message answered = new HelpdeskStore.Message(UUID.randomUUID(), locked.id(), position + 1,
                    "assistant", answer.text(), answer.grounded(), answer.type(), answer.searchQuery(), answer
                            .citations(),
                    answer.citations().stream().map(Answer.Citation::id).toList(), answer
                            .handoverOffered(),
                    (int) Math.min(Integer.MAX_VALUE, answer.latencyMs()), answer
                            .model(),
                    answer.usage().promptTokens(), answer.usage()
                            .completionTokens(),
                    now);
            store.insertMessage(tenant, asked);
            store.insertMessage(tenant, answered);
            store.updateSession(tenant, locked.id(), locked.status(), null, null, now, null);
            events.publishEvent(new HelpdeskAnswered(tenant, locked.id(), answered.id(), answer.grounded(), answer
                    .type(), answer.latencyMs(), answer.model(), answer.usage().promptTokens(),
                    answer.usage()
                            .completionTokens(),
                    now));
            if (!answer.grounded()) {
                events.publishEvent(new UnansweredQuestion(tenant, locked.id(), question, answer.language(), now));
            }
            return new Exchange(locked, asked, answered);
        });
    }

    /** Hands the session over to the team (a ticket is opened from the event), with contact details if given. */
    public Exchange handover(TenantId tenant, String sessionId, Customer customer) {
        HelpdeskStore.Session session = session(tenant, sessionId);
        Customer c = valid(customer);
        return handover(tenant, session, null, c, null);
    }

    private Exchange handover(TenantId tenant, HelpdeskStore.Session session, String customerText, Customer customer,
            String unanswered) {
        return transactions.execute(status -> {
            HelpdeskStore.Session locked = store.lockSession(tenant, session.id()).orElseThrow();
            Instant now = now();
            List<HelpdeskStore.Message> history = store.messages(tenant, locked.id());
            int position = store.nextPosition(tenant, locked.id());
            HelpdeskStore.Message asked = null;
            if (customerText != null) {
                asked = customerMessage(locked.id(), position++, customerText, now);
                store.insertMessage(tenant, asked);
            }
            String lastQuestion = lastCustomerQuestion(history);
            String language = lastQuestion == null ? "en" : knowledge.languageOf(lastQuestion);
            HelpdeskStore.Message confirmation = new HelpdeskStore.Message(UUID.randomUUID(), locked.id(), position,
                    "assistant", Phrases.handedOver(language), null, "handover", null, List.of(), List.of(), false,
                    0, null, 0, 0, now);
            store.insertMessage(tenant, confirmation);
            String name = customer == null ? null : customer.name();
            String email = customer == null ? null : customer.email();
            store.updateSession(tenant, locked.id(), "handed_over", name, email, now, now);
            String question = unanswered != null ? unanswered : lastQuestion;
            events.publishEvent(new HelpdeskHandoverRequested(tenant, locked.id(), question, name != null
                    ? name
                    : locked.customerName(), email != null ? email : locked.customerEmail(), transcript(history),
                    now));
            HelpdeskStore.Session updated = store.findSession(tenant, locked.id()).orElseThrow();
            return new Exchange(updated, asked, confirmation);
        });
    }

    public List<HelpdeskStore.ModelUsage> usage(TenantId tenant, Instant from, Instant to) {
        return store.usage(tenant, from, to);
    }

    private static String lastCustomerQuestion(List<HelpdeskStore.Message> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HelpdeskStore.Message m = history.get(i);
            if (m.role().equals("customer") && !Phrases.isYes(m.content())) {
                return m.content();
            }
        }
        return null;
    }

    /** The latest turns, oldest first, within about {@value #TRANSCRIPT_CHARS} characters. */
    static String transcript(List<HelpdeskStore.Message> history) {
        List<String> lines = new ArrayList<>();
        int length = 0;
        for (int i = history.size() - 1; i >= 0 && length < TRANSCRIPT_CHARS; i--) {
            HelpdeskStore.Message m = history.get(i);
            String text = m.content().replaceAll("\\s+", " ");
            if (text.length() > 400) {
                text = text.substring(0, 400) + "…";
            }
            String line = (m.role().equals("customer") ? "Customer: " : "Assistant: ") + text;
            lines.add(0, line);
            length += line.length() + 1;
        }
        return String.join("\n", lines);
    }

    private HelpdeskStore.Session session(TenantId tenant, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("session", id);
        }
        return store.findSession(tenant, uuid).orElseThrow(() -> ProblemException.notFound("session", id));
    }

    private static HelpdeskStore.Message customerMessage(UUID session, int position, String content, Instant now) {
        return new HelpdeskStore.Message(UUID.randomUUID(), session, position, "customer", content, null, null, null,
                List.of(), List.of(), false, null, null, 0, 0, now);
    }

    private static Customer valid(Customer customer) {
        if (customer == null) {
            return new Customer(null, null);
        }
        String name = customer.name() == null || customer.name().isBlank() ? null : customer.name().strip();
        String email = customer.email() == null || customer.email().isBlank() ? null : customer.email().strip();
        if (name != null && name.length() > 200) {
            throw ProblemException.invalidField("customer_name", "must be at most 200 characters");
        }
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            throw ProblemException.invalidField("customer_email", "must be an email address");
        }
        return new Customer(name, email);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
