package com.zorahai.analytics.internal;

import static com.zorahai.analytics.internal.EventTypes.BOOKING_CANCELLED;
import static com.zorahai.analytics.internal.EventTypes.BOOKING_MADE;
import static com.zorahai.analytics.internal.EventTypes.BOOKING_NO_SHOW;
import static com.zorahai.analytics.internal.EventTypes.CALL_ENDED;
import static com.zorahai.analytics.internal.EventTypes.EMAIL_PARSED;
import static com.zorahai.analytics.internal.EventTypes.EMAIL_RECEIVED;
import static com.zorahai.analytics.internal.EventTypes.HELPDESK_ANSWERED;
import static com.zorahai.analytics.internal.EventTypes.HELPDESK_UNANSWERED;
import static com.zorahai.analytics.internal.EventTypes.INVOICE_ISSUED;
import static com.zorahai.analytics.internal.EventTypes.INVOICE_PAID;
import static com.zorahai.analytics.internal.EventTypes.INVOICE_VOIDED;
import static com.zorahai.analytics.internal.EventTypes.QUOTE_ACCEPTED;
import static com.zorahai.analytics.internal.EventTypes.QUOTE_CREATED;
import static com.zorahai.analytics.internal.EventTypes.QUOTE_SENT;
import static com.zorahai.analytics.internal.EventTypes.TICKET_OPENED;
import static com.zorahai.analytics.internal.EventTypes.TICKET_RESOLVED;
import static com.zorahai.analytics.internal.EventTypes.WHATSAPP_HANDED_OVER;
import static com.zorahai.analytics.internal.EventTypes.WHATSAPP_MESSAGE_ANSWERED;
import static com.zorahai.analytics.internal.EventTypes.WHATSAPP_MESSAGE_RECEIVED;
import static com.zorahai.analytics.internal.EventTypes.WHATSAPP_UNANSWERED;
import static com.zorahai.analytics.internal.Sql.flag;
import static com.zorahai.analytics.internal.Sql.is;
import static com.zorahai.analytics.internal.Sql.number;

import com.zorahai.analytics.internal.Summary.Amount;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard summary: three queries over the tenant's events of the period (the counts in one pass, the money and
 * outcomes grouped, and the tickets still open at its end), all on the {@code (tenant_id, type, occurred_at)} index.
 */
@Service
public class Summaries {

    private static final String[] COUNTED = EventTypes.ALL.toArray(String[]::new);

    private static final String COUNTS = """
            select
              count(*) filter (where %1$s) as messages_received,
              count(distinct subject_id) filter (where %1$s) as conversations,
              count(*) filter (where %2$s) as messages_answered,
              count(*) filter (where %3$s) as unanswered,
              count(*) filter (where %4$s) as hand_overs,
              percentile_cont(0.5) within group (order by %5$s) filter (where %2$s) as median_first_response_ms,
              count(*) filter (where %6$s) as bookings_made,
              count(*) filter (where %7$s) as bookings_cancelled,
              count(*) filter (where %8$s) as no_shows,
              count(*) filter (where %9$s) as quotes_created,
              count(distinct subject_id) filter (where %10$s) as quotes_sent,
              count(distinct subject_id) filter (where %11$s) as quotes_accepted,
              count(distinct properties->>'quote_id') filter (where %12$s) as quotes_invoiced,
              count(distinct properties->>'quote_id') filter (where %13$s) as quotes_paid,
              count(*) filter (where %12$s) as invoices_issued,
              count(*) filter (where %13$s) as invoices_paid,
              count(*) filter (where %14$s) as invoices_voided,
              count(*) filter (where %15$s) as calls,
              coalesce(sum(%16$s) filter (where %15$s), 0) as call_seconds,
              count(*) filter (where %17$s) as tickets_opened,
              count(*) filter (where %18$s) as tickets_resolved,
              count(*) filter (where %18$s and %19$s) as sla_breaches,
              count(*) filter (where %20$s) as helpdesk_answers,
              count(*) filter (where %20$s and %21$s) as helpdesk_grounded,
              count(*) filter (where %22$s) as helpdesk_unanswered,
              percentile_cont(0.5) within group (order by %23$s) filter (where %20$s) as helpdesk_median_latency_ms,
              coalesce(sum(%24$s) filter (where %20$s), 0) as helpdesk_tokens,
              count(*) filter (where %25$s) as emails_received,
              count(*) filter (where %26$s) as emails_parsed
            from analytics_events
            where tenant_id = ? and type = any(?) and occurred_at >= ? and occurred_at < ?"""
            .formatted(is(WHATSAPP_MESSAGE_RECEIVED), is(WHATSAPP_MESSAGE_ANSWERED), is(WHATSAPP_UNANSWERED),
                    is(WHATSAPP_HANDED_OVER), number("first_response_ms"), is(BOOKING_MADE), is(BOOKING_CANCELLED),
                    is(BOOKING_NO_SHOW), is(QUOTE_CREATED), is(QUOTE_SENT), is(QUOTE_ACCEPTED), is(INVOICE_ISSUED),
                    is(INVOICE_PAID), is(INVOICE_VOIDED), is(CALL_ENDED), number("duration_seconds"),
                    is(TICKET_OPENED), is(TICKET_RESOLVED), flag("sla_breached"), is(HELPDESK_ANSWERED),
                    flag("grounded"), is(HELPDESK_UNANSWERED), number("latency_ms"), number("tokens"),
                    is(EMAIL_RECEIVED), is(EMAIL_PARSED));

    /** Money per (type, from a quote, currency), and calls per outcome; a quote sent twice counts once (last send). */
    private static final String MONEY = """
            select type, (properties->>'quote_id') is not null as from_quote,
              coalesce(properties->>'total_currency', properties->>'cost_currency') as currency,
              case when type = '%1$s' then coalesce(properties->>'outcome', 'unknown') end as outcome,
              count(*) as n,
              sum(coalesce(%2$s, %3$s)) as amount
            from (
              select * from (
                select distinct on (subject_id) type, properties from analytics_events
                where tenant_id = ? and type = any(?) and occurred_at >= ? and occurred_at < ?
                order by subject_id, occurred_at desc) last_send
              union all
              select type, properties from analytics_events
              where tenant_id = ? and type = any(?) and occurred_at >= ? and occurred_at < ?
            ) e
            group by 1, 2, 3, 4""".formatted(CALL_ENDED, number("total_amount"), number("cost_amount"));

    private static final String[] DEDUPLICATED = {QUOTE_SENT};
    private static final String[] WITH_MONEY = {QUOTE_ACCEPTED, INVOICE_ISSUED, INVOICE_PAID, CALL_ENDED};

    private static final String OPEN_TICKETS = """
            select count(*) from analytics_events o
            where o.tenant_id = ? and o.type = '%1$s' and o.occurred_at < ?
              and not exists (select 1 from analytics_events r
                              where r.tenant_id = o.tenant_id and r.subject_id = o.subject_id and r.type = '%2$s'
                                and r.occurred_at < ?)""".formatted(TICKET_OPENED, TICKET_RESOLVED);

    private final JdbcClient jdbc;

    Summaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Summary summary(TenantId tenant, Period period) {
        Timestamp from = Timestamp.from(period.from());
        Timestamp to = Timestamp.from(period.to());
        Counts c = jdbc.sql(COUNTS).params(tenant.value(), COUNTED, from, to).query(Summaries::counts).single();
        Money m = new Money();
        jdbc.sql(MONEY)
                .params(tenant.value(), DEDUPLICATED, from, to, tenant.value(), WITH_MONEY, from, to)
                .query((ResultSet rs) -> {
                    while (rs.next()) {
                        m.add(rs.getString("type"), rs.getBoolean("from_quote"), rs.getString("currency"),
                                rs.getString("outcome"), rs.getLong("n"), rs.getBigDecimal("amount"));
                    }
                    return m;
                });
        long openTickets = jdbc.sql(OPEN_TICKETS).params(tenant.value(), to, to).query(Long.class).single();

        return new Summary(period.from(), period.to(), period.zone().getId(),
                new Summary.Conversations(c.conversations, c.messagesReceived, c.messagesAnswered, c.unanswered,
                        rate(c.messagesAnswered, c.messagesAnswered + c.unanswered), c.medianFirstResponseMs,
                        c.handOvers),
                new Summary.Bookings(c.bookingsMade, c.bookingsCancelled, c.noShows, rate(c.noShows, c.bookingsMade)),
                new Summary.Quotes(c.quotesCreated, c.quotesSent, c.quotesAccepted, c.quotesInvoiced, c.quotesPaid,
                        m.amounts(QUOTE_SENT, true), m.amounts(QUOTE_ACCEPTED, true),
                        m.amounts(INVOICE_ISSUED, false), m.amounts(INVOICE_PAID, false),
                        rate(c.quotesAccepted, c.quotesSent), rate(c.quotesInvoiced, c.quotesAccepted),
                        rate(c.quotesPaid, c.quotesInvoiced)),
                new Summary.Invoices(c.invoicesIssued, c.invoicesPaid, c.invoicesVoided,
                        m.amounts(INVOICE_ISSUED, true), m.amounts(INVOICE_PAID, true)),
                m.amounts(INVOICE_PAID, true),
                new Summary.Calls(c.calls, c.callSeconds.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_EVEN),
                        m.outcomes, m.amounts(CALL_ENDED, true)),
                new Summary.Tickets(c.ticketsOpened, c.ticketsResolved, openTickets, c.slaBreaches),
                new Summary.Helpdesk(c.helpdeskAnswers, c.helpdeskGrounded, c.helpdeskUnanswered,
                        rate(c.helpdeskGrounded, c.helpdeskAnswers), c.helpdeskMedianLatencyMs, c.helpdeskTokens),
                new Summary.Emails(c.emailsReceived, c.emailsParsed));
    }

    /** part / whole with four decimals; 0 when the whole is 0. */
    static double rate(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private record Counts(long messagesReceived, long conversations, long messagesAnswered, long unanswered,
            long handOvers, long medianFirstResponseMs, long bookingsMade, long bookingsCancelled, long noShows,
            long quotesCreated, long quotesSent, long quotesAccepted, long quotesInvoiced, long quotesPaid,
            long invoicesIssued, long invoicesPaid, long invoicesVoided, long calls, BigDecimal callSeconds,
            long ticketsOpened, long ticketsResolved, long slaBreaches, long helpdeskAnswers, long helpdeskGrounded,
            long helpdeskUnanswered, long helpdeskMedianLatencyMs, long helpdeskTokens, long emailsReceived,
            long emailsParsed) {
    }

    private static Counts counts(ResultSet rs, int n) throws SQLException {
        return new Counts(rs.getLong("messages_received"), rs.getLong("conversations"),
                rs.getLong("messages_answered"), rs.getLong("unanswered"), rs.getLong("hand_overs"),
                Math.round(rs.getDouble("median_first_response_ms")), rs.getLong("bookings_made"),
                rs.getLong("bookings_cancelled"), rs.getLong("no_shows"), rs.getLong("quotes_created"),
                rs.getLong("quotes_sent"), rs.getLong("quotes_accepted"), rs.getLong("quotes_invoiced"),
                rs.getLong("quotes_paid"), rs.getLong("invoices_issued"), rs.getLong("invoices_paid"),
                rs.getLong("invoices_voided"), rs.getLong("calls"), rs.getBigDecimal("call_seconds"),
                rs.getLong("tickets_opened"), rs.getLong("tickets_resolved"), rs.getLong("sla_breaches"),
                rs.getLong("helpdesk_answers"), rs.getLong("helpdesk_grounded"), rs.getLong("helpdesk_unanswered"),
                Math.round(rs.getDouble("helpdesk_median_latency_ms")), rs.getBigDecimal("helpdesk_tokens")
                        .longValue(),
                rs.getLong("emails_received"), rs.getLong("emails_parsed"));
    }

    /** Sums per type and currency, split by whether the event came from a quote. */
    private static final class Money {

        private final Map<String, Map<String, BigDecimal>> all = new TreeMap<>();
        private final Map<String, Map<String, BigDecimal>> fromQuotes = new TreeMap<>();
        private final Map<String, Long> outcomes = new TreeMap<>();

        void add(String type, boolean fromQuote, String currency, String outcome, long count, BigDecimal amount) {
            if (outcome != null) {
                outcomes.merge(outcome, count, Long::sum);
            }
            if (currency == null || amount == null) {
                return;
            }
            all.computeIfAbsent(type, t -> new TreeMap<>()).merge(currency, amount, BigDecimal::add);
            if (fromQuote) {
                fromQuotes.computeIfAbsent(type, t -> new TreeMap<>()).merge(currency, amount, BigDecimal::add);
            }
        }

        /** Per currency (alphabetical), rounded to the currency's minor unit; {@code any} false: quotes only. */
        List<Amount> amounts(String type, boolean any) {
            Map<String, BigDecimal> sums = (any || type.startsWith("quote.") ? all : fromQuotes)
                    .getOrDefault(type, Map.of());
            List<Amount> amounts = new ArrayList<>();
            sums.forEach((currency, amount) -> amounts.add(new Amount(currency, rounded(currency, amount))));
            return amounts;
        }

        private static BigDecimal rounded(String code, BigDecimal amount) {
            try {
                return amount.setScale(com.zorahai.platform.Money.scaleOf(Currency.getInstance(code)),
                        com.zorahai.platform.Money.ROUNDING);
            } catch (IllegalArgumentException e) {
                return amount;
            }
        }
    }
}
