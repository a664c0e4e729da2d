package com.zorahai.analytics.internal;

import static com.zorahai.analytics.internal.Sql.flag;
import static com.zorahai.analytics.internal.Sql.is;
import static com.zorahai.analytics.internal.Sql.number;

import com.zorahai.platform.Money;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time series for charts: one metric per day or per ISO week (Monday to Sunday) in the tenant's time zone, every
 * bucket of the period present (zero when nothing happened). The database groups by the local date of each event
 * ({@code occurred_at at time zone <zone>}), so days are 23 or 25 hours long across a DST change.
 */
@Service
public class Timeseries {

    /** Day or week. */
    public enum Interval {
        DAY, WEEK;

        static Interval parse(String value) {
            if (value == null || value.isBlank()) {
                return DAY;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "day" -> DAY;
                case "week" -> WEEK;
                default -> throw ProblemException.invalidField("interval", "must be day or week");
            };
        }
    }

    private static final String COUNT = "sum(events)";

    /**
     * What can be charted: the SQL aggregate over the matching events of a bucket, the same over their hourly sums
     * (none for distinct counts and medians, which need the events), and for amounts the property holding the
     * currency the request must match.
     */
    public enum Metric {
        CONVERSATIONS("count(distinct subject_id collate \"C\")", null, null,
                EventTypes.WHATSAPP_MESSAGE_RECEIVED), MESSAGES(
                        "count(*)", COUNT, null, EventTypes.WHATSAPP_MESSAGE_RECEIVED), MESSAGES_ANSWERED("count(*)",
                                COUNT,
                                null, EventTypes.WHATSAPP_MESSAGE_ANSWERED), UNANSWERED("count(*)", COUNT, null,
                                        EventTypes.WHATSAPP_UNANSWERED), BOT_ANSWER_RATE(
                                                "round(count(*) filter (where "
                                                        + is(EventTypes.WHATSAPP_MESSAGE_ANSWERED)
                                                        + ")::numeric / count(*), 4)",
                                                "round(sum(events) filter (where "
                                                        + is(EventTypes.WHATSAPP_MESSAGE_ANSWERED)
                                                        + ")::numeric / nullif(sum(events), 0), 4)",
                                                null,
                                                EventTypes.WHATSAPP_MESSAGE_ANSWERED,
                                                EventTypes.WHATSAPP_UNANSWERED), MEDIAN_FIRST_RESPONSE_MS(
                                                        "round(percentile_cont(0.5) within group (order by value)::numeric)",
                                                        null, null,
                                                        EventTypes.WHATSAPP_MESSAGE_ANSWERED), HAND_OVERS("count(*)",
                                                                COUNT,
                                                                null,
                                                                EventTypes.WHATSAPP_HANDED_OVER), BOOKINGS("count(*)",
                                                                        COUNT, null,
                                                                        EventTypes.BOOKING_MADE), CANCELLATIONS(
                                                                                "count(*)", COUNT, null,
                                                                                EventTypes.BOOKING_CANCELLED), NO_SHOWS(
                                                                                        "count(*)", COUNT, null,
                                                                                        EventTypes.BOOKING_NO_SHOW), QUOTES_CREATED(
                                                                                                "count(*)", COUNT, null,
                                                                                                EventTypes.QUOTE_CREATED), QUOTES_SENT(
                                                                                                        "count(distinct subject_id)",
                                                                                                        null, null,
                                                                                                        EventTypes.QUOTE_SENT), QUOTES_ACCEPTED(
                                                                                                                "count(distinct subject_id)",
                                                                                                                null,
                                                                                                                null,
                                                                                                                EventTypes.QUOTE_ACCEPTED), INVOICES_ISSUED(
                                                                                                                        "count(*)",
                                                                                                                        COUNT,
                                                                                                                        null,
                                                                                                                        EventTypes.INVOICE_ISSUED), INVOICES_PAID(
                                                                                                                                "count(*)",
                                                                                                                                COUNT,
                                                                                                                                null,
                                                                                                                                EventTypes.INVOICE_PAID), REVENUE(
                                                                                                                                        "sum(" + number(
                                                                                                                                                "total_amount")
                                                                                                                                                + ")",
                                                                                                                                        "sum(amount)",
                                                                                                                                        "total_currency",
                                                                                                                                        EventTypes.INVOICE_PAID), CALLS(
                                                                                                                                                "count(*)",
                                                                                                                                                COUNT,
                                                                                                                                                null,
                                                                                                                                                EventTypes.CALL_ENDED), CALL_MINUTES(
                                                                                                                                                        "round(sum("
                                                                                                                                                                + number(
                                                                                                                                                                        "duration_seconds")
                                                                                                                                                                + ") / 60, 1)",
                                                                                                                                                        "round(sum(measure) / 60, 1)",
                                                                                                                                                        null,
                                                                                                                                                        EventTypes.CALL_ENDED), CALL_COST(
                                                                                                                                                                "sum(" + number(
                                                                                                                                                                        "cost_amount")
                                                                                                                                                                        + ")",
                                                                                                                                                                "sum(amount)",
                                                                                                                                                                "cost_currency",
                                                                                                                                                                EventTypes.CALL_ENDED), TICKETS_OPENED(
                                                                                                                                                                        "count(*)",
                                                                                                                                                                        COUNT,
                                                                                                                                                                        null,
                                                                                                                                                                        EventTypes.TICKET_OPENED), TICKETS_RESOLVED(
                                                                                                                                                                                "count(*)",
                                                                                                                                                                                COUNT,
                                                                                                                                                                                null,
                                                                                                                                                                                EventTypes.TICKET_RESOLVED), SLA_BREACHES(
                                                                                                                                                                                        "count(*) filter (where "
                                                                                                                                                                                                + flag("sla_breached")
                                                                                                                                                                                                + ")",
                                                                                                                                                                                        "sum(flagged)",
                                                                                                                                                                                        null,
                                                                                                                                                                                        EventTypes.TICKET_RESOLVED), HELPDESK_ANSWERS(
                                                                                                                                                                                                "count(*)",
                                                                                                                                                                                                COUNT,
                                                                                                                                                                                                null,
                                                                                                                                                                                                EventTypes.HELPDESK_ANSWERED), HELPDESK_GROUNDED_RATE(
                                                                                                                                                                                                        "round(count(*) filter (where "
                                                                                                                                                                                                                + flag("grounded")
                                                                                                                                                                                                                + ")::numeric / count(*), 4)",
                                                                                                                                                                                                        "round(sum(flagged)::numeric / nullif(sum(events), 0), 4)",
                                                                                                                                                                                                        null,
                                                                                                                                                                                                        EventTypes.HELPDESK_ANSWERED), EMAILS_RECEIVED(
                                                                                                                                                                                                                "count(*)",
                                                                                                                                                                                                                COUNT,
                                                                                                                                                                                                                null,
                                                                                                                                                                                                                EventTypes.EMAIL_RECEIVED);

        private final String aggregate;
        private final String rollupAggregate;
        private final String currencyKey;
        private final String[] types;

        Metric(String aggregate, String rollupAggregate, String currencyKey, String... types) {
            this.aggregate = aggregate;
            this.rollupAggregate = rollupAggregate;
            this.currencyKey = currencyKey;
            this.types = types;
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean isAmount() {
            return currencyKey != null;
        }

        static Metric parse(String value) {
            String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            try {
                return Metric.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("metric", "must be one of " + Arrays.stream(values())
                        .map(Metric::value).collect(Collectors.joining(", ")));
            }
        }
    }

    /** One bucket: the local date it starts on, the instant that is, and the value. */
    public record Point(LocalDate bucket, Instant start, BigDecimal value) {
    }

    /** A whole series; {@code currency} only for amounts. */
    public record Series(String metric, String interval, String timeZone, String currency, Instant from, Instant to,
            List<Point> points) {
    }

    static final int MAX_POINTS = 1200;

    private final JdbcClient jdbc;

    Timeseries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The series of {@code metric} over the period; 400 naming the field for an unknown metric or interval, a bad
     * currency, or too many buckets.
     *
     * @param currency for amounts ({@code revenue}, {@code call_cost}): the currency to add up; the tenant's default
     *        when blank
     */
    @Transactional(readOnly = true)
    public Series series(TenantId tenant, String metricName, String intervalName, Period period, String currency,
            String defaultCurrency) {
        Metric metric = Metric.parse(metricName);
        Interval interval = Interval.parse(intervalName);
        String code = null;
        if (metric.isAmount()) {
            code = currency == null || currency.isBlank() ? defaultCurrency : currency.strip().toUpperCase(Locale.ROOT);
            if (code == null || !code.matches("[A-Z]{3}")) {
                throw ProblemException.invalidField("currency", "must be an ISO 4217 code such as USD");
            }
        }
        List<LocalDate> buckets = buckets(period, interval);
        String unit = interval == Interval.DAY ? "day" : "week";
        String sql;
        List<Object> params;
        if (metric.rollupAggregate != null && wholeHours(period)) {
            // every local midnight is a UTC hour: whole hours from the rollups, the period's edges from the events
            Instant firstHour = ceilHour(period.from());
            Instant lastHour = period.to().truncatedTo(ChronoUnit.HOURS);
            if (!firstHour.isBefore(lastHour)) {
                firstHour = period.to();
                lastHour = period.to();
            }
            sql = "select date_trunc(?, hour at time zone ?)::date as bucket, " + metric.rollupAggregate
                    + " as value from (select type, hour, currency, " + Rollups.SUMS + " from analytics_hourly"
                    + " where tenant_id = ? and type = any(?) and hour >= ? and hour < ?"
                    + " union all select type, hour, currency, " + Rollups.SUMS + " from (select " + Rollups.COLUMNS
                    + " from analytics_events where tenant_id = ? and type = any(?) and (occurred_at >= ?"
                    + " and occurred_at < ? or occurred_at >= ? and occurred_at < ?)) edges) sums"
                    + (metric.isAmount() ? " where currency = ?" : "") + " group by 1";
            params = new ArrayList<>(List.of(unit, period.zone().getId(), tenant.value(), metric.types,
                    Timestamp.from(firstHour), Timestamp.from(lastHour), tenant.value(), metric.types,
                    Timestamp.from(period.from()), Timestamp.from(firstHour), Timestamp.from(lastHour),
                    Timestamp.from(period.to())));
        } else {
            sql = "select date_trunc(?, occurred_at at time zone ?)::date as bucket, " + metric.aggregate
                    + " as value from analytics_events where tenant_id = ? and type = any(?)"
                    + " and occurred_at >= ? and occurred_at < ?"
                    + (metric.isAmount() ? " and properties->>'" + metric.currencyKey + "' = ?" : "")
                    + " group by 1";
            params = new ArrayList<>(List.of(unit, period.zone().getId(), tenant.value(), metric.types,
                    Timestamp.from(period.from()), Timestamp.from(period.to())));
        }
        if (metric.isAmount()) {
            params.add(code);
        }
        Map<LocalDate, BigDecimal> values = new HashMap<>();
        jdbc.sql(sql).params(params).query((rs, n) -> values.put(rs.getObject("bucket", LocalDate.class),
                rs.getBigDecimal("value"))).list();
        List<Point> points = new ArrayList<>(buckets.size());
        for (LocalDate bucket : buckets) {
            BigDecimal value = values.get(bucket);
            if (value == null) {
                value = BigDecimal.ZERO;
            } else if (metric.isAmount()) {
                value = value.setScale(scale(code), Money.ROUNDING);
            }
            Instant start = bucket.atStartOfDay(period.zone()).toInstant();
            points.add(new Point(bucket, start.isBefore(period.from()) ? period.from() : start, value));
        }
        return new Series(metric.value(), interval.name().toLowerCase(Locale.ROOT), period.zone().getId(), code,
                period.from(), period.to(), points);
    }

    /** Whether the zone's offset is a whole number of hours throughout the period. */
    static boolean wholeHours(Period period) {
        ZoneRules rules = period.zone().getRules();
        if (rules.getOffset(period.from()).getTotalSeconds() % 3600 != 0) {
            return false;
        }
        ZoneOffsetTransition transition = rules.nextTransition(period.from());
        while (transition != null && transition.getInstant().isBefore(period.to())) {
            if (transition.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
                return false;
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        return true;
    }

    private static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    private static int scale(String code) {
        try {
            return Money.scaleOf(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    static List<LocalDate> buckets(Period period, Interval interval) {
        LocalDate first = period.firstDay();
        LocalDate last = period.lastDay();
        if (interval == Interval.WEEK) {
            first = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = interval == Interval.DAY
                ? day.plusDays(1)
                : day.plusWeeks(1)) {
            buckets.add(day);
            if (buckets.size() > MAX_POINTS) {
                throw ProblemException.invalidField("interval", "at most " + MAX_POINTS + " points; use week or a"
                        + " shorter period");
            }
        }
        return buckets;
    }
}
