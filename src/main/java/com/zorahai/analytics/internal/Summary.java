package com.zorahai.analytics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a tenant's dashboard over a period, all computed from {@code analytics_events}; a number with no
 * events behind it is zero (rates too). Rates are fractions from 0 to 1 with four decimals.
 */
public record Summary(Instant from, Instant to, String timeZone, Conversations conversations, Bookings bookings,
        Quotes quotes, Invoices invoices, List<Amount> revenue, Calls calls, Tickets tickets, Helpdesk helpdesk,
        Emails emails) {

    /** An amount in one currency. */
    public record Amount(String currency, BigDecimal amount) {
    }

    /**
     * WhatsApp.
     *
     * @param conversations distinct conversations with at least one message received in the period
     * @param botAnswerRate answered / (answered + unanswered)
     * @param medianFirstResponseMs median of the answered messages' {@code first_response_ms}
     */
    public record Conversations(long conversations, long messagesReceived, long messagesAnswered, long unanswered,
            double botAnswerRate, long medianFirstResponseMs, long handOvers) {
    }

    /** @param noShowRate no-shows / bookings made */
    public record Bookings(long made, long cancelled, long noShows, double noShowRate) {
    }

    /**
     * The quote funnel: each stage counts distinct quotes with that event in the period, values summed per currency.
     *
     * @param invoiced quotes an invoice was issued from
     * @param paid quotes whose invoice was paid
     * @param acceptanceRate accepted / sent
     * @param invoiceRate invoiced / accepted
     * @param paymentRate paid / invoiced
     */
    public record Quotes(long created, long sent, long accepted, long invoiced, long paid, List<Amount> sentValue,
            List<Amount> acceptedValue, List<Amount> invoicedValue, List<Amount> paidValue, double acceptanceRate,
            double invoiceRate, double paymentRate) {
    }

    /** Every invoice, from a quote or not. */
    public record Invoices(long issued, long paid, long voided, List<Amount> issuedValue, List<Amount> paidValue) {
    }

    /** @param outcomes ended calls per outcome ({@code unknown} when none was given) */
    public record Calls(long count, BigDecimal minutes, Map<String, Long> outcomes, List<Amount> cost) {
    }

    /**
     * @param open tickets opened before the end of the period and not resolved by then
     * @param slaBreaches tickets resolved in the period after their SLA
     */
    public record Tickets(long opened, long resolved, long open, long slaBreaches) {
    }

    /**
     * @param groundedRate grounded answers / answers
     * @param medianLatencyMs median of the answers' {@code latency_ms}
     */
    public record Helpdesk(long answers, long grounded, long unanswered, double groundedRate, long medianLatencyMs,
            long tokens) {
    }

    public record Emails(long received, long parsed) {
    }
}
