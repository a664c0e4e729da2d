package com.zorahai.helpdesk.web;

import com.zorahai.helpdesk.internal.Answer;
import com.zorahai.helpdesk.internal.HelpdeskService;
import com.zorahai.helpdesk.internal.HelpdeskStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON of the helpdesk API. */
final class HelpdeskViews {

    private HelpdeskViews() {
    }

    /** Opens a session, optionally with the first message. */
    record OpenRequest(String customerName, String customerEmail, String message) {
    }

    /** A customer's message. */
    record MessageRequest(String content) {
    }

    /** Contact details for the team, both optional. */
    record HandoverRequest(String customerName, String customerEmail) {
    }

    record SessionView(UUID id, String channel, String status, String customerName, String customerEmail,
            Instant createdAt, Instant updatedAt, Instant handedOverAt) {

        static SessionView of(HelpdeskStore.Session s) {
            return new SessionView(s.id(), s.channel(), s.status(), s.customerName(), s.customerEmail(), s
                    .createdAt(), s.updatedAt(), s.handedOverAt());
        }
    }

    /** A message; answers carry what they were grounded on and what they cost. */
    record MessageView(UUID id, int position, String role, String content, Boolean grounded, String answerType,
            List<Answer.Citation> citations, boolean handoverOffered, String searchQuery, Integer latencyMs,
            String model, long promptTokens, long completionTokens, Instant createdAt) {

        static MessageView of(HelpdeskStore.Message m) {
            return m == null
                    ? null
                    : new MessageView(m.id(), m.position(), m.role(), m.content(), m.grounded(), m.answerType(), m
                            .citations(), m.handoverOffered(), m.searchQuery(), m.latencyMs(), m.model(),
                            m
                                    .promptTokens(),
                            m.completionTokens(), m.createdAt());
        }
    }

    /** What a customer sees of an answer: no costs, no internal query. */
    record PublicMessageView(UUID id, int position, String role, String content, Boolean grounded,
            List<PublicCitation> citations, boolean handoverOffered, Instant createdAt) {

        static PublicMessageView of(HelpdeskStore.Message m) {
            return m == null
                    ? null
                    : new PublicMessageView(m.id(), m.position(), m.role(), m.content(), m.grounded(), m.citations()
                            .stream().map(PublicCitation::of).toList(), m.handoverOffered(), m.createdAt());
        }
    }

    /** A citation as a customer sees it: the source's title and the passage. */
    record PublicCitation(String id, String title, String snippet) {

        static PublicCitation of(Answer.Citation c) {
            return new PublicCitation(c.id(), c.title(), c.snippet());
        }
    }

    record ConversationView(SessionView session, List<MessageView> messages) {

        static ConversationView of(HelpdeskService.Conversation c) {
            return new ConversationView(SessionView.of(c.session()), c.messages().stream().map(MessageView::of)
                    .toList());
        }
    }

    record PublicConversationView(SessionView session, List<PublicMessageView> messages) {

        static PublicConversationView of(HelpdeskService.Conversation c) {
            return new PublicConversationView(SessionView.of(c.session()), c.messages().stream().map(
                    PublicMessageView::of).toList());
        }
    }

    record ExchangeView(SessionView session, MessageView question, MessageView answer) {

        static ExchangeView of(HelpdeskService.Exchange e) {
            return new ExchangeView(SessionView.of(e.session()), MessageView.of(e.question()), MessageView.of(e
                    .answer()));
        }
    }

    record PublicExchangeView(SessionView session, PublicMessageView question, PublicMessageView answer) {

        static PublicExchangeView of(HelpdeskService.Exchange e) {
            return new PublicExchangeView(SessionView.of(e.session()), PublicMessageView.of(e.question()),
                    PublicMessageView.of(e.answer()));
        }
    }

    /** The new public key, shown this once. */
    record PublicKeyView(String publicKey, Instant rotatedAt) {
    }

    record UsageView(Instant from, Instant to, List<HelpdeskStore.ModelUsage> models) {
    }
}
