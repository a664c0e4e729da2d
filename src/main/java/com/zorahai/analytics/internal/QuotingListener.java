package com.zorahai.analytics.internal;

import com.zorahai.platform.Money;
import com.zorahai.quoting.AcceptedQuote;
import com.zorahai.quoting.QuoteAccepted;
import com.zorahai.quoting.QuoteCreated;
import com.zorahai.quoting.QuoteSent;
import com.zorahai.quoting.Quotes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Quotes created, sent and accepted. */
@Component
class QuotingListener {

    private final AnalyticsRecorder recorder;
    private final Quotes quotes;

    QuotingListener(AnalyticsRecorder recorder, Quotes quotes) {
        this.recorder = recorder;
        this.quotes = quotes;
    }

    @ApplicationModuleListener
    void on(QuoteCreated event) {
        recorder.record(event.tenantId(), EventTypes.QUOTE_CREATED, event.quoteId().toString(),
                "quote-created:" + event.quoteId(), Properties.of().with("number", event.number())
                        .with("client_id", event.clientId() == null ? null : event.clientId().toString())
                        .money("total", event.total()).map(),
                event.createdAt());
    }

    @ApplicationModuleListener
    void on(QuoteSent event) {
        recorder.record(event.tenantId(), EventTypes.QUOTE_SENT, event.quoteId().toString(),
                "quote-sent:" + event.quoteId() + ":" + event.sentAt().toEpochMilli(),
                Properties.of().with("number", event.number())
                        .with("client_id", event.clientId() == null ? null : event.clientId().toString())
                        .money("total", event.total()).map(),
                event.sentAt());
    }

    /** The accepted total is read from the quote's accepted revision, which the event does not carry. */
    @ApplicationModuleListener
    void on(QuoteAccepted event) {
        Money total = quotes.accepted(event.tenantId(), event.quoteId()).map(AcceptedQuote::total).orElse(null);
        recorder.record(event.tenantId(), EventTypes.QUOTE_ACCEPTED, event.quoteId().toString(),
                "quote-accepted:" + event.quoteId() + ":" + event.revision(),
                Properties.of().with("number", event.number()).with("revision", event.revision())
                        .with("client_id", event.clientId() == null ? null : event.clientId().toString())
                        .money("total", total).map(),
                event.acceptedAt());
    }
}
