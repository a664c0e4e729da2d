package com.zorahai.analytics.internal;

import static com.zorahai.analytics.internal.Sql.flag;
import static com.zorahai.analytics.internal.Sql.number;

import com.zorahai.tenancy.TenantId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hourly sums in {@code analytics_hourly}. One SQL expression ({@link #COLUMNS}) turns an event into its share
 * of an hour; the same expression feeds the hourly rows when an event is recorded, rebuilds them, and reads the parts
 * of a period that do not fill a whole hour, so the three always agree.
 */
@Repository
public class Rollups {

    /** An event's share of its hour: the key columns, then the sums. */
    static final String COLUMNS = """
            tenant_id, type, date_trunc('hour', occurred_at, 'UTC') as hour,
            coalesce(case when properties->>'total_currency' ~ '^[A-Z]{3}$' then properties->>'total_currency'
                          when properties->>'cost_currency' ~ '^[A-Z]{3}$' then properties->>'cost_currency' end, '')
                as currency,
            case when type = '%1$s' then left(coalesce(nullif(properties->>'outcome', ''), 'unknown'), 50) else '' end
                as outcome,
            1::bigint as events,
            case when (type = '%2$s' and %3$s) or (type = '%4$s' and %5$s) then 1 else 0 end::bigint as flagged,
            case when properties->>'quote_id' is not null then 1 else 0 end::bigint as from_quote,
            coalesce(%6$s, %7$s, 0) as amount,
            case when properties->>'quote_id' is not null then coalesce(%6$s, 0) else 0 end as quote_amount,
            case type when '%1$s' then coalesce(%8$s, 0) when '%2$s' then coalesce(%9$s, 0) else 0 end as measure"""
            .formatted(EventTypes.CALL_ENDED, EventTypes.HELPDESK_ANSWERED, flag("grounded"),
                    EventTypes.TICKET_RESOLVED, flag("sla_breached"), number("total_amount"), number("cost_amount"),
                    number("duration_seconds"), number("tokens"));

    static final String SUMS = "events, flagged, from_quote, amount, quote_amount, measure";

    private static final String UPSERT = """
            on conflict (tenant_id, type, hour, currency, outcome) do update set
                events = analytics_hourly.events + excluded.events,
                flagged = analytics_hourly.flagged + excluded.flagged,
                from_quote = analytics_hourly.from_quote + excluded.from_quote,
                amount = analytics_hourly.amount + excluded.amount,
                quote_amount = analytics_hourly.quote_amount + excluded.quote_amount,
                measure = analytics_hourly.measure + excluded.measure""";

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a newly recorded event to its hour. Runs in the recording transaction. */
    void add(UUID eventId) {
        jdbc.sql("insert into analytics_hourly (tenant_id, type, hour, currency, outcome, " + SUMS + ")"
                + " select " + COLUMNS + " from analytics_events where id = ? " + UPSERT)
                .param(eventId)
                .update();
    }

    /** Recomputes every hour of the tenant from its events (after a bulk load or a repair); returns the hours. */
    @Transactional
    public int rebuild(TenantId tenant) {
        jdbc.sql("delete from analytics_hourly where tenant_id = ?").param(tenant.value()).update();
        return jdbc.sql("insert into analytics_hourly (tenant_id, type, hour, currency, outcome, " + SUMS + ")"
                + " select tenant_id, type, hour, currency, outcome, sum(events), sum(flagged), sum(from_quote),"
                + " sum(amount), sum(quote_amount), sum(measure) from (select " + COLUMNS
                + " from analytics_events where tenant_id = ?) e group by 1, 2, 3, 4, 5")
                .param(tenant.value())
                .update();
    }
}
