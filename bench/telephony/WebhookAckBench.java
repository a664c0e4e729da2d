import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acknowledgement time of VAPI end-of-call reports at POST /webhooks/vapi/{tenant}: each request is a report of a
 * MINUTES-long call (a speaker turn every 6 s, as VAPI sends it: artifact messages, transcript, costs, analysis) with
 * its own call id, so every one is stored. Prints median, p90, p99 and max of the whole request and of the app's own
 * time (Server-Timing), and the throughput.
 *
 *   java bench/telephony/WebhookAckBench.java            # settings from the environment, see below
 *
 * BASE (default http://127.0.0.1:8080, loopback only), TENANT (default demo-travel), SECRET (the tenant's
 * voice.webhook_secret, required), N measured requests (default 300, at most 5000), C concurrent senders (default 1,
 * at most 16), WARMUP requests (default 50, at most 1000), MINUTES of call per report (default 20, at most 120).
 */
public class WebhookAckBench {

    private static final Pattern APP_TIME = Pattern.compile("app;dur=([0-9.]+)");

    public static void main(String[] args) throws Exception {
        String base = env("BASE", "http://127.0.0.1:8080").replaceAll("/+$", "");
        String tenant = env("TENANT", "demo-travel");
        String secret = System.getenv("SECRET");
        int n = bounded("N", 300, 1, 5000);
        int c = bounded("C", 1, 1, 16);
        int warmup = bounded("WARMUP", 50, 0, 1000);
        int minutes = bounded("MINUTES", 20, 1, 120);
        if (secret == null || secret.isBlank()) {
            fail("set SECRET to the tenant's voice webhook secret");
        }
        String host = URI.create(base).getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            fail("BASE must be a loopback address; got " + base);
        }
        URI url = URI.create(base + "/webhooks/vapi/" + tenant);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String template = report(minutes);

        run(http, url, secret, template, warmup, c);
        long start = System.nanoTime();
        List<long[]> results = run(http, url, secret, template, n, c);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Double> total = new ArrayList<>();
        List<Double> app = new ArrayList<>();
        int failed = 0;
        for (long[] r : results) {
            if (r[0] != 200) {
                failed++;
                continue;
            }
            total.add(r[1] / 1e6);
            if (r[2] >= 0) {
                app.add(r[2] / 1000.0);
            }
        }
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "POST %s: end-of-call-report of a %d-minute call, %,d bytes%n", url, minutes,
                template.getBytes(StandardCharsets.UTF_8).length);
        System.out.printf(Locale.ROOT, "  %d requests after %d warm-up, %d sender(s); answered 200: %d of %d%n", n,
                warmup, c, n - failed, n);
        System.out.println("  acknowledgement (client): " + stats(total));
        System.out.println("  app (Server-Timing):      " + stats(app));
        System.out.printf(Locale.ROOT, "  throughput:               %.1f reports/s%n", n / seconds);
        if (failed > 0) {
            System.exit(1);
        }
    }

    private static List<long[]> run(HttpClient http, URI url, String secret, String template, int count,
            int senders) throws Exception {
        if (count == 0) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> send(http, url, secret, template)));
        }
        List<long[]> results = new ArrayList<>();
        for (Future<long[]> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    /** {status, nanoseconds, app microseconds or -1}. */
    private static long[] send(HttpClient http, URI url, String secret, String template) throws Exception {
        String body = template.replace("__CALL_ID__", UUID.randomUUID().toString());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Vapi-Secret", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        long appMicros = response.headers().firstValue("Server-Timing").map(APP_TIME::matcher)
                .filter(Matcher::find).map(m -> (long) (Double.parseDouble(m.group(1)) * 1000)).orElse(-1L);
        return new long[]{response.statusCode(), elapsed, appMicros};
    }

    private static String stats(List<Double> values) {
        if (values.isEmpty()) {
            return "n/a";
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   max %7.2f ms",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.getLast());
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** An end-of-call report with __CALL_ID__ in place of the call id. */
    static String report(int minutes) {
        String[] customer = {
                "Hi, I'm calling about the family trip to Cape Town we discussed last week.",
                "We're four adults and two children, the kids are seven and eleven.",
                "Ideally the second half of December, maybe from the eighteenth to the twenty-eighth.",
                "A sea-facing hotel would be lovely, breakfast included if possible.",
                "Could you also check flights from Johannesburg on the morning of the eighteenth?",
                "What would the total come to, roughly, with the transfers?"};
        String[] assistant = {
                "Of course, let me pull up the details of your request.",
                "Thank you. For six travellers I'll look for family rooms or two connecting rooms.",
                "The eighteenth to the twenty-eighth of December works; that is ten nights in peak season.",
                "There are sea-facing options in Camps Bay and Sea Point with breakfast included.",
                "There are three morning departures from Johannesburg to Cape Town on the eighteenth.",
                "A consultant will send you a full quote by email today, including transfers and taxes."};
        Instant start = Instant.parse("2026-11-25T09:00:00Z");
        long seconds = minutes * 60L;
        StringBuilder messages = new StringBuilder();
        StringBuilder transcript = new StringBuilder();
        int turn = 0;
        for (long at = 1; at < seconds; at += 6, turn++) {
            boolean user = turn % 2 == 1;
            String said = (user ? customer : assistant)[turn / 2 % 6];
            if (!messages.isEmpty()) {
                messages.append(',');
            }
            long time = start.toEpochMilli() + at * 1000;
            messages.append(String.format(Locale.ROOT,
                    "{\"role\":\"%s\",\"message\":\"%s\",\"time\":%d,\"endTime\":%d,\"secondsFromStart\":%d.%02d,"
                            + "\"duration\":4200%s}",
                    user ? "user" : "bot", said, time, time + 4200, at, turn % 100, user ? "" : ",\"source\":\"\""));
            transcript.append(user ? "User: " : "AI: ").append(said).append("\\n");
        }
        Instant end = start.plusSeconds(seconds);
        return ("{\"message\":{\"timestamp\":%d,\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\","
                + "\"call\":{\"id\":\"__CALL_ID__\",\"orgId\":\"0b9b1c5e-2f5a-4c1e-9d55-6f0e8d3c2a11\","
                + "\"type\":\"inboundPhoneCall\",\"status\":\"ended\",\"phoneNumberId\":\"pn-bench\","
                + "\"assistantId\":\"asst-bench\",\"customer\":{\"number\":\"+27825550199\"},"
                + "\"startedAt\":\"%s\",\"endedAt\":\"%s\"},"
                + "\"phoneNumber\":{\"id\":\"pn-bench\",\"number\":\"+15005550006\",\"provider\":\"twilio\"},"
                + "\"customer\":{\"number\":\"+27825550199\"},\"startedAt\":\"%s\",\"endedAt\":\"%s\","
                + "\"durationSeconds\":%d.0,\"cost\":1.1342,\"costs\":[{\"type\":\"transport\",\"provider\":\"twilio\","
                + "\"minutes\":%d,\"cost\":0.17},{\"type\":\"vapi\",\"subType\":\"normal\",\"minutes\":%d,\"cost\":0.2}],"
                + "\"artifact\":{\"messages\":[%s],\"transcript\":\"%s\","
                + "\"recording\":{\"stereoUrl\":\"https://storage.vapi.ai/__CALL_ID__-stereo.wav\"}},"
                + "\"analysis\":{\"summary\":\"A family of six asked about ten nights in Cape Town in December.\","
                + "\"structuredData\":{\"outcome\":\"completed\",\"travellers\":6},\"successEvaluation\":\"true\"}}}")
                .formatted(end.toEpochMilli(), start, end, start, end, seconds, minutes, minutes, messages,
                        transcript);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int bounded(String name, int fallback, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(env(name, String.valueOf(fallback)));
        } catch (NumberFormatException ex) {
            fail(name + " must be a number");
            return 0;
        }
        if (value < min || value > max) {
            fail(name + " must be " + min + ".." + max);
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("WebhookAckBench: " + message);
        System.exit(2);
    }
}
