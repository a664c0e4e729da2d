import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dashboard latency over one tenant with a year of synthetic analytics events: starts the whole application in this
 * JVM (embedded PostgreSQL in a temporary directory, HTTP on the loopback interface, a random port), loads the
 * events straight into {@code analytics_events} with one {@code INSERT ... SELECT generate_series}, signs in as the
 * tenant's owner, then times the summary and the time series through the HTTP API and prints p50, p90, p99 and max.
 *
 * <pre>
 * bench/analytics/run.sh                 # 1,000,000 events
 * EVENTS=200000 bench/analytics/run.sh
 * </pre>
 *
 * Run from the repository root with the application's classes and runtime dependencies on the class path (the
 * script does that). Every loop is bounded by its request count; only 127.0.0.1 is contacted.
 */
public class AnalyticsBench {

    private static final String TENANT = "demo-clinic";
    private static final String EMAIL = "owner@demo-clinic.local";
    private static final String PASSWORD = "bench-Analytics-" + Long.toHexString(System.nanoTime()) + "-Pass!";

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(System.getenv().getOrDefault("EVENTS", "1000000"));
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "200"));
        if (events < 1000 || events > 5_000_000 || runs < 5 || runs > 2000) {
            throw new IllegalArgumentException("EVENTS must be 1000..5000000 and RUNS 5..2000");
        }
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("zorah-bench-analytics");
        // command-line arguments outrank application.yaml; nothing is written under ./var
        ConfigurableApplicationContext app = new SpringApplicationBuilder()
                .sources(Class.forName("com.zorahai.ZorahApplication"))
                .run("--server.address=127.0.0.1", "--server.port=0",
                        "--zorah.database.embedded.data-dir=temporary",
                        "--zorah.identity.demo-password=" + PASSWORD,
                        "--zorah.security.jwt-secret=" + PASSWORD + PASSWORD,
                        "--zorah.invoicing.data-key.file=" + work.resolve("data-key"),
                        "--zorah.storage.local-dir=" + work.resolve("storage"),
                        "--zorah.analytics.report.enabled=false", "--zorah.email.worker.enabled=false",
                        "--zorah.pricing.seed.enabled=false", "--zorah.invoicing.reminders.enabled=false",
                        "--logging.level.root=WARN", "--logging.level.com.zorahai=WARN");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            System.out.printf(Locale.ROOT, "application up in %.1f s on port %d%n", seconds(started), port);
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            long loading = System.nanoTime();
            load(jdbc, events);
            // the hourly sums the recorder keeps event by event, built in one pass for the bulk load
            Object rollups = app.getBean(Class.forName("com.zorahai.analytics.internal.Rollups"));
            Class<?> tenantId = Class.forName("com.zorahai.tenancy.TenantId");
            Object hours = rollups.getClass().getMethod("rebuild", tenantId)
                    .invoke(rollups, tenantId.getMethod("of", String.class).invoke(null, TENANT));
            // what autovacuum does to an append-only table after a while: statistics and the visibility map
            jdbc.sql("vacuum (analyze) analytics_events").update();
            jdbc.sql("vacuum (analyze) analytics_hourly").update();
            long rows = jdbc.sql("select count(*) from analytics_events where tenant_id = ?").param(TENANT)
                    .query(Long.class).single();
            String size = jdbc.sql("select pg_size_pretty(pg_total_relation_size('analytics_events'))")
                    .query(String.class).single();
            System.out.printf(Locale.ROOT, "loaded %,d events for %s over 2025 in %.1f s (table with indexes: %s),"
                    + " %,d hourly rows%n", rows, TENANT, seconds(loading), size, ((Number) hours).longValue());

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            String token = login(http, base);

            List<String[]> cases = List.of(
                    new String[]{"summary, one month", "/api/v1/analytics/summary?from=2025-06-01&to=2025-06-30"},
                    new String[]{"summary, one year", "/api/v1/analytics/summary?from=2025-01-01&to=2025-12-31"},
                    new String[]{"timeseries conversations by day, one month",
                            "/api/v1/analytics/timeseries?metric=conversations&interval=day&from=2025-06-01&to=2025-06-30"},
                    new String[]{"timeseries messages by day, one year",
                            "/api/v1/analytics/timeseries?metric=messages&interval=day&from=2025-01-01&to=2025-12-31"},
                    new String[]{"timeseries revenue by week, one year",
                            "/api/v1/analytics/timeseries?metric=revenue&interval=week&from=2025-01-01&to=2025-12-31"},
                    new String[]{"timeseries median first response by day, one year",
                            "/api/v1/analytics/timeseries?metric=median_first_response_ms&interval=day"
                                    + "&from=2025-01-01&to=2025-12-31"});
            System.out.println();
            System.out.printf(Locale.ROOT, "%-52s %6s %9s %9s %9s %9s%n", "request", "runs", "p50 ms", "p90 ms",
                    "p99 ms", "max ms");
            for (String[] c : cases) {
                boolean year = c[0].contains("year");
                int n = year ? Math.max(5, runs / 5) : runs;
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + c[1]))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
                for (int i = 0; i < Math.min(10, n); i++) {
                    send(http, request);
                }
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    send(http, request);
                    millis.add((System.nanoTime() - t) / 1e6);
                }
                Collections.sort(millis);
                System.out.printf(Locale.ROOT, "%-52s %6d %9.1f %9.1f %9.1f %9.1f%n", c[0], n, pct(millis, 50),
                        pct(millis, 90), pct(millis, 99), millis.getLast());
            }
            String sample = send(http, HttpRequest.newBuilder(URI.create(base + cases.getFirst()[1]))
                    .header("Authorization", "Bearer " + token).GET().build());
            System.out.println();
            System.out.println("one month's summary: " + sample);
        } finally {
            app.close();
        }
    }

    /**
     * A clinic-and-agency mix over 2025, spread evenly in time: mostly WhatsApp traffic, then helpdesk, bookings,
     * calls, tickets, quotes, invoices and emails, with the properties the dashboard reads.
     */
    private static void load(JdbcClient jdbc, int events) {
        jdbc.sql("select setseed(0.42)").query((rs, n) -> 1).list();
        jdbc.sql("""
                insert into analytics_events (id, tenant_id, type, subject_id, source_event_id, properties,
                    occurred_at, recorded_at)
                select gen_random_uuid(), ?, t.type,
                  case when t.type like 'whatsapp.%' then 'c' || (g.i / 8)
                       else split_part(t.type, '.', 1) || '-' || (g.i / 40) end,
                  'bench:' || g.i,
                  case t.type
                    when 'whatsapp.message.received' then jsonb_build_object('message_id', 'm' || g.i)
                    when 'whatsapp.message.answered' then
                        jsonb_build_object('first_response_ms', 800 + (random() * 20000)::int)
                    when 'whatsapp.unanswered' then jsonb_build_object('question', 'question ' || (g.i % 300))
                    when 'call.ended' then jsonb_build_object('duration_seconds', (random() * 600)::int,
                        'outcome', (array['answered', 'voicemail', 'no-answer'])[1 + (g.i % 3)],
                        'cost_amount', round((random() * 2)::numeric, 2), 'cost_currency', 'USD')
                    when 'ticket.resolved' then jsonb_build_object('sla_breached', g.i % 7 = 0)
                    when 'helpdesk.answered' then jsonb_build_object('grounded', g.i % 5 <> 0,
                        'latency_ms', 300 + (random() * 3000)::int, 'tokens', 200 + (random() * 800)::int)
                    when 'quote.sent' then jsonb_build_object('total_amount', round((random() * 5000)::numeric, 2),
                        'total_currency', 'USD')
                    when 'quote.accepted' then jsonb_build_object('total_amount',
                        round((random() * 5000)::numeric, 2), 'total_currency', 'USD')
                    when 'invoice.issued' then jsonb_build_object('total_amount',
                        round((random() * 5000)::numeric, 2), 'total_currency', 'USD', 'quote_id', 'q' || (g.i % 5000))
                    when 'invoice.paid' then jsonb_build_object('total_amount',
                        round((random() * 5000)::numeric, 2), 'total_currency', 'USD', 'quote_id', 'q' || (g.i % 5000))
                    else '{}'::jsonb
                  end,
                  timestamptz '2025-01-01 00:00:00+02' + (g.i::float8 / ?) * interval '365 days',
                  now()
                from generate_series(1, ?) as g(i)
                cross join lateral (
                  select case
                    when r < 0.40 then 'whatsapp.message.received'
                    when r < 0.68 then 'whatsapp.message.answered'
                    when r < 0.71 then 'whatsapp.unanswered'
                    when r < 0.73 then 'whatsapp.handed_over'
                    when r < 0.78 then 'booking.made'
                    when r < 0.79 then 'booking.cancelled'
                    when r < 0.795 then 'booking.no_show'
                    when r < 0.85 then 'helpdesk.answered'
                    when r < 0.86 then 'helpdesk.unanswered'
                    when r < 0.89 then 'call.ended'
                    when r < 0.905 then 'ticket.opened'
                    when r < 0.919 then 'ticket.resolved'
                    when r < 0.93 then 'quote.created'
                    when r < 0.94 then 'quote.sent'
                    when r < 0.945 then 'quote.accepted'
                    when r < 0.949 then 'invoice.issued'
                    when r < 0.952 then 'invoice.paid'
                    when r < 0.98 then 'email.received'
                    else 'email.parsed'
                  end as type
                  from (select random() + g.i * 0 as r) x
                ) t""")
                .params(TENANT, events, events)
                .update();
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD
                        + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Sign-in failed: " + response.statusCode());
        }
        return token.group(1);
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
