import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Inbound WhatsApp webhook throughput and latency against a running app on this machine, compared in the same run
 * with GET /health/live: POSTs signed Meta Cloud API payloads (one new text message each, so every request stores a
 * message, its conversation and an event) to /webhook/whatsapp/{tenant}, then times /health/live with the same
 * request count and concurrency, and prints throughput, p50/p90/p99 and the ratios.
 *
 * <pre>
 * WHATSAPP_APP_SECRET=... java bench/whatsapp/WebhookLoad.java [baseUrl] [requests] [concurrency] [tenant]
 * </pre>
 *
 * Only talks to localhost / 127.x; every loop is bounded by the request count (at most 100000) and each request
 * by a 10 s timeout.
 */
public class WebhookLoad {

    record Run(String name, int ok, int failed, double seconds, List<Long> micros) {

        double throughput() {
            return ok / seconds;
        }

        double percentile(double p) {
            if (micros.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * micros.size()) - 1;
            return micros.get(Math.max(0, Math.min(index, micros.size() - 1))) / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int requests = Math.min(args.length > 1 ? Integer.parseInt(args[1]) : 5000, 100_000);
        int concurrency = Math.min(args.length > 2 ? Integer.parseInt(args[2]) : 8, 64);
        String tenant = args.length > 3 ? args[3] : "demo-clinic";
        URI baseUri = URI.create(base);
        String host = baseUri.getHost();
        if (!"localhost".equals(host) && !host.startsWith("127.") && !"[::1]".equals(host)) {
            throw new IllegalArgumentException("This script only targets an app on this machine");
        }
        String secret = System.getenv("WHATSAPP_APP_SECRET");
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException("Set WHATSAPP_APP_SECRET to the app's Meta app secret");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        URI webhook = baseUri.resolve("/webhook/whatsapp/" + tenant);
        URI live = baseUri.resolve("/health/live");
        String run = UUID.randomUUID().toString().substring(0, 8);
        IntFunction<HttpRequest> post = i -> {
            byte[] body = payload(run, i).getBytes(StandardCharsets.UTF_8);
            return HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", sign(body, secret))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        };
        IntFunction<HttpRequest> get = i -> HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(10)).GET()
                .build();

        int warmup = Math.min(1000, requests);
        System.out.printf("warm-up: %d webhook posts, %d health checks%n", warmup, warmup);
        load(http, "warm-up webhook", warmup, concurrency, i -> post.apply(requests + i));
        load(http, "warm-up live", warmup, concurrency, get);

        Run webhookRun = load(http, "webhook", requests, concurrency, post);
        Run liveRun = load(http, "health/live", requests, concurrency, get);
        System.out.printf("%nrequests %d, concurrency %d, tenant %s%n", requests, concurrency, tenant);
        System.out.printf("%-12s %8s %8s %10s %8s %8s %8s %8s%n", "endpoint", "ok", "failed", "req/s", "p50 ms",
                "p90 ms", "p99 ms", "max ms");
        for (Run r : List.of(webhookRun, liveRun)) {
            System.out.printf("%-12s %8d %8d %10.0f %8.2f %8.2f %8.2f %8.2f%n", r.name(), r.ok(), r.failed(),
                    r.throughput(), r.percentile(50), r.percentile(90), r.percentile(99), r.percentile(100));
        }
        System.out.printf("webhook / live: throughput %.2f, p50 %.1fx, p99 %.1fx%n",
                webhookRun.throughput() / liveRun.throughput(), webhookRun.percentile(50) / liveRun.percentile(50),
                webhookRun.percentile(99) / liveRun.percentile(99));
    }

    static Run load(HttpClient http, String name, int requests, int concurrency, IntFunction<HttpRequest> request)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>(requests));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest r = request.apply(i);
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> response = http.send(r, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 200) {
                                micros.add((System.nanoTime() - t0) / 1000);
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception ex) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return new Run(name, sorted.size(), failed.get(), seconds, sorted);
    }

    /** One new text message from one of 500 customers, shaped like Meta's webhook. */
    static String payload(String run, int i) {
        String from = "9617" + String.format("%07d", i % 500);
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Bench %d"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"wamid.bench.%s.%d","timestamp":"%d","type":"text",\
                "text":{"body":"Hello, is there a slot on Friday? (%d)"}}]}}]}]}"""
                .formatted(i % 500, from, from, run, i, Instant.now().getEpochSecond(), i);
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
