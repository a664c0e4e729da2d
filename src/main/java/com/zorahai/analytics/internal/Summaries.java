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
import static com.zorahai.analytics.internal.Sql.is;
import static com.zorahai.analytics.internal.Sql.number;

import com.zorahai.analytics.internal.Summary.Amount;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard summary. Counts and sums come from the hourly rollups for the whole hours of the period and from the
 * events for the parts of an hour at its edges (a zone half an hour off UTC, a period given to the second); distinct
 * conversations and medians come from the events through an index that holds the subject and the value; the quote
 * funnel, a small share of the events, is read from them directly.
 */
@Service
public class Summaries {

    private static final String[] ALL_TYPES = EventTypes.ALL.toArray(String[]::new);

    /** Sums per (type, currency, outcome): whole hours from the rollups, the edges from the events. */
    private static final String CUBE = """
            select type, currency, outcome, sum(events) as events, sum(flagged) as flagged,
              sum(from_quote) as from_quote, sum(amount) as amount, sum(quote_amount) as quote_amount,
              sum(measure) as measure
            from (
              select type, currency, outcome, %1$s from analytics_hourly
              where tenant_id = ? and type = any(?) and hour >= ? and hour < ?
              union all
              select type, currency, outcome, %1$s from (select %2$s from analytics_events
                where tenant_id = ? and type = any(?)
                  and (occurred_at >= ? and occurred_at < ? or occurred_at >= ? and occurred_at < ?)) edges
            ) cube
            group by type, currency, outcome""".formatted(Rollups.SUMS, Rollups.COLUMNS);

    /** Distinct conversations, from the covering index (byte order is enough to tell ids apart). */
    private static final String CONVERSATIONS = """
            select count(*) from (
              select distinct subject_id collate "C" from analytics_events
              where tenant_id = ? and type = ? and occurred_at >= ? and occurred_at < ?) conversations""";

    /** The median of the events' value, from the covering index. */
    private static final String MEDIAN = """
            select coalesce(percentile_cont(0.5) within group (order by value), 0) from analytics_events
            where tenant_id = ? and type = ? and occurred_at >= ? and occurred_at < ?""";

    /** The quote funnel: distinct quotes per stage. */
    private static final String FUNNEL = """
            select count(distinct subject_id collate "C") filter (where %1$s) as sent,
              count(distinct subject_id collate "C") filter (where %2$s) as accepted,
              count(distinct (properties->>'quote_id') collate "C") filter (where %3$s) as invoiced,
              count(distinct (properties->>'quote_id') collate "C") filter (where %4$s) as paid
            from analytics_events
            where tenant_id = ? and type = any(?) and occurred_at >= ? and occurred_at < ?"""
            .formatted(is(QUOTE_SENT), is(QUOTE_ACCEPTED), is(INVOICE_ISSUED), is(INVOICE_PAID));

    private static final String[] FUNNEL_TYPES = {QUOTE_SENT, QUOTE_ACCEPTED, INVOICE_ISSUED, INVOICE_PAID};

    /** Values of quotes sent (each quote's last send in the period) and accepted, per currency. */
    private static final String QUOTE_VALUES = """
            select type, properties->>'total_currency' as currency, sum(%1$s) as amount
            from (
              select distinct on (type, subject_id) type, properties from analytics_events
              where tenant_id = ? and type = any(?) and occurred_at >= ? and occurred_at < ?
              order by type, subject_id, occurred_at desc) last
            where properties->>'total_currency' is not null
            group by 1, 2""".formatted(number("total_amount"));

    private static final String[] QUOTE_VALUE_TYPES = {QUOTE_SENT, QUOTE_ACCEPTED};

    /** Tickets opened minus tickets resolved, over all time up to the end of the period. */
    private static final String OPEN_TICKETS = """
            select coalesce(sum(case when type = '%1$s' then events else -events end), 0) from (
              select type, events from analytics_hourly where tenant_id = ? and type = any(?) and hour < ?
              union all
              select type, 1 from analytics_events where tenant_id = ? and type = any(?)
                and occurred_at >= ? and occurred_at < ?
            ) tickets""".formatted(TICKET_OPENED);

    private static final String[] TICKET_TYPES = {TICKET_OPENED, TICKET_RESOLVED};

    private final JdbcClient jdbc;

    Summaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Summary summary(TenantId tenant, Period period) {
        Timestamp from = Timestamp.from(period.from());
        Timestamp to = Timestamp.from(period.to());
        Instant firstHour = ceilHour(period.from());
        Instant lastHour = period.to().truncatedTo(ChronoUnit.HOURS);
        if (!firstHour.isBefore(lastHour)) {
            // no whole hour inside: everything from the events
            firstHour = period.to();
            lastHour = period.to();
        }
        Timestamp wholeFrom = Timestamp.from(firstHour);
        Timestamp wholeTo = Timestamp.from(lastHour);

        Cube c = new Cube();
        jdbc.sql(CUBE)
                .params(tenant.value(), ALL_TYPES, wholeFrom, wholeTo, tenant.value(), ALL_TYPES, from, wholeFrom,
                        wholeTo, to)
                .query((ResultSet rs) -> {
                    while (rs.next()) {
                        c.add(rs.getString("type"), rs.getString("currency"), rs.getString("outcome"),
                                rs.getLong("events"), rs.getLong("flagged"), rs.getBigDecimal("amount"),
                                rs.getBigDecimal("quote_amount"), rs.getBigDecimal("measure"));
                    }
                    return c;
                });
        long conversations = jdbc.sql(CONVERSATIONS).params(tenant.value(), WHATSAPP_MESSAGE_RECEIVED, from, to)
                .query(Long.class).single();
        long medianFirstResponse = median(tenant, WHATSAPP_MESSAGE_ANSWERED, from, to);
        long medianLatency = median(tenant, HELPDESK_ANSWERED, from, to);
        long[] funnel = jdbc.sql(FUNNEL).params(tenant.value(), FUNNEL_TYPES, from, to)
                .query((rs, n) -> new long[]{rs.getLong("sent"), rs.getLong("accepted"), rs.getLong("invoiced"),
                        rs.getLong("paid")})
                .single();
        Map<String, Map<String, BigDecimal>> quoteValues = new TreeMap<>();
        jdbc.sql(QUOTE_VALUES).params(tenant.value(), QUOTE_VALUE_TYPES, from, to)
                .query((rs, n) -> quoteValues.computeIfAbsent(rs.getString("type"), t -> new TreeMap<>())
                        .merge(rs.getString("currency"), rs.getBigDecimal("amount"), BigDecimal::add))
                .list();
        long openTickets = Math.max(0, jdbc.sql(OPEN_TICKETS)
                .params(tenant.value(), TICKET_TYPES, wholeTo, tenant.value(), TICKET_TYPES, wholeTo, to)
                .query(Long.class).single());

        long received = c.events(WHATSAPP_MESSAGE_RECEIVED);
        long answered = c.events(WHATSAPP_MESSAGE_ANSWERED);
        long unanswered = c.events(WHATSAPP_UNANSWERED);
        long made = c.events(BOOKING_MADE);
        long noShows = c.events(BOOKING_NO_SHOW);
        long helpdeskAnswers = c.events(HELPDESK_ANSWERED);
        long grounded = c.flagged(HELPDESK_ANSWERED);
        return new Summary(period.from(), period.to(), period.zone().getId(),
                new Summary.Conversations(conversations, received, answered, unanswered,
                        rate(answered, answered + unanswered), medianFirstResponse, c.events(WHATSAPP_HANDED_OVER)),
                new Summary.Bookings(made, c.events(BOOKING_CANCELLED), noShows, rate(noShows, made)),
                new Summary.Quotes(c.events(QUOTE_CREATED), funnel[0], funnel[1], funnel[2], funnel[3],
                        amounts(quoteValues.getOrDefault(QUOTE_SENT, Map.of())),
                        amounts(quoteValues.getOrDefault(QUOTE_ACCEPTED, Map.of())),
                        amounts(c.quoteAmounts(INVOICE_ISSUED)), amounts(c.quoteAmounts(INVOICE_PAID)),
                        rate(funnel[1], funnel[0]), rate(funnel[2], funnel[1]), rate(funnel[3], funnel[2])),
                new Summary.Invoices(c.events(INVOICE_ISSUED), c.events(INVOICE_PAID), c.events(INVOICE_VOIDED),
                        amounts(c.amounts(INVOICE_ISSUED)), amounts(c.amounts(INVOICE_PAID))),
                amounts(c.amounts(INVOICE_PAID)),
                new Summary.Calls(c.events(CALL_ENDED), c.measure(CALL_ENDED).divide(BigDecimal.valueOf(60), 1,
                        RoundingMode.HALF_EVEN), c.outcomes, amounts(c.amounts(CALL_ENDED))),
                new Summary.Tickets(c.events(TICKET_OPENED), c.events(TICKET_RESOLVED), openTickets,
                        c.flagged(TICKET_RESOLVED)),
                new Summary.Helpdesk(helpdeskAnswers, grounded, c.events(HELPDESK_UNANSWERED),
                        rate(grounded, helpdeskAnswers), medianLatency, c.measure(HELPDESK_ANSWERED).longValue()),
                new Summary.Emails(c.events(EMAIL_RECEIVED), c.events(EMAIL_PARSED)));
    }

    private long median(TenantId tenant, String type, Timestamp from, Timestamp to) {
        return Math.round(jdbc.sql(MEDIAN).params(tenant.value(), type, from, to).query(Double.class).single());
    }

    private static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    /** Per currency (alphabetical), rounded to the currency's minor unit. */
    private static List<Amount> amounts(Map<String, BigDecimal> sums) {
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

    /** part / whole with four decimals; 0 when the whole is 0. */
    static double rate(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** The sums of the period by type, currency and outcome. */
    private static final class Cube {

        private final Map<String, Long> events = new HashMap<>();
        private final Map<String, Long> flagged = new HashMap<>();
        private final Map<String, BigDecimal> measure = new HashMap<>();
        private final Map<String, Map<String, BigDecimal>> amounts = new HashMap<>();
        private final Map<String, Map<String, BigDecimal>> quoteAmounts = new HashMap<>();
        private final Map<String, Long> outcomes = new TreeMap<>();

        void add(String type, String currency, String outcome, long count, long flags, BigDecimal amount,
                BigDecimal quoteAmount, BigDecimal measured) {
            events.merge(type, count, Long::sum);
            flagged.merge(type, flags, Long::sum);
            measure.merge(type, measured, BigDecimal::add);
            if (!outcome.isEmpty()) {
                outcomes.merge(outcome, count, Long::sum);
            }
            if (!currency.isEmpty()) {
                amounts.computeIfAbsent(type, t -> new TreeMap<>()).merge(currency, amount, BigDecimal::add);
                if (quoteAmount.signum() != 0) {
                    quoteAmounts.computeIfAbsent(type, t -> new TreeMap<>()).merge(currency, quoteAmount,
                            BigDecimal::add);
                }
            }
        }

        long events(String type) {
            return events.getOrDefault(type, 0L);
        }

        long flagged(String type) {
            return flagged.getOrDefault(type, 0L);
        }

        BigDecimal measure(String type) {
            return measure.getOrDefault(type, BigDecimal.ZERO);
        }

        Map<String, BigDecimal> amounts(String type) {
            return amounts.getOrDefault(type, Map.of());
        }

        Map<String, BigDecimal> quoteAmounts(String type) {
            return quoteAmounts.getOrDefault(type, Map.of());
        }
    }
}
