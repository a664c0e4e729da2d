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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * End-to-end time of the offline WhatsApp assistant against a running app on this machine: each round posts a signed
 * Meta Cloud API webhook with one customer message (a new customer each time, cycling through a greeting, prices,
 * opening hours, the address and a knowledge question) to /webhook/whatsapp/{tenant}, then polls the sandbox
 * provider's record (GET /api/v1/whatsapp/sandbox/messages, newest first) until the reply to that customer is there.
 * It prints, for the webhook acknowledgement and for webhook to sandbox reply, the median, p90, p99 and max, and
 * the ratio of the two medians.
 *
 * <pre>
 * WHATSAPP_APP_SECRET=... PASSWORD=... java bench/assistant/AssistantReplyLoad.java [baseUrl] [rounds] [tenant] [pollMs]
 * </pre>
 *
 * Only talks to localhost / 127.x; the loop is bounded by the round count (at most 5000), each wait for a reply by
 * 30 s, and each request by a 10 s timeout.
 */
public class AssistantReplyLoad {

    static final String[] MESSAGES = {"Hi", "What are your prices?", "What are your opening hours?",
            "Where is the clinic located?", "Does laser hair removal hurt?"};

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int rounds = Math.min(args.length > 1 ? Integer.parseInt(args[1]) : 300, 5000);
        String tenant = args.length > 2 ? args[2] : "demo-clinic";
        long pollMs = args.length > 3 ? Long.parseLong(args[3]) : 5;
        URI baseUri = URI.create(base);
        String host = baseUri.getHost();
        if (!"localhost".equals(host) && !host.startsWith("127.") && !"[::1]".equals(host)) {
            throw new IllegalArgumentException("This script only targets an app on this machine");
        }
        String secret = System.getenv("WHATSAPP_APP_SECRET");
        String password = System.getenv("PASSWORD");
        if (secret == null || secret.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalStateException("Set WHATSAPP_APP_SECRET and PASSWORD (ZORAH_DEMO_PASSWORD of the app)");
        }
        String email = System.getenv().getOrDefault("EMAIL", "owner@" + tenant + ".local");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        String token = login(http, baseUri, email, password);
        URI webhook = baseUri.resolve("/webhook/whatsapp/" + tenant);
        URI sandbox = baseUri.resolve("/api/v1/whatsapp/sandbox/messages?size=50");
        String run = UUID.randomUUID().toString().substring(0, 6);

        int warmup = Math.min(30, rounds);
        for (int i = 0; i < warmup; i++) {
            round(http, webhook, sandbox, token, secret, run + "w", i, pollMs);
        }
        List<Long> ack = new ArrayList<>();
        List<Long> reply = new ArrayList<>();
        int failed = 0;
        Instant started = Instant.now();
        for (int i = 0; i < rounds; i++) {
            long[] times = round(http, webhook, sandbox, token, secret, run, i, pollMs);
            if (times == null) {
                failed++;
            } else {
                ack.add(times[0]);
                reply.add(times[1]);
            }
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        Collections.sort(ack);
        Collections.sort(reply);
        System.out.printf("rounds: %d ok, %d without a reply in 30 s, %.1f s (poll every %d ms)%n", reply.size(),
                failed, seconds, pollMs);
        print("webhook acknowledged", ack);
        print("webhook -> sandbox reply", reply);
        System.out.printf("reply median / ack median: %.1fx%n", percentile(reply, 50) / percentile(ack, 50));
    }

    /** One customer message; the acknowledgement and reply times in microseconds, or null without a reply. */
    static long[] round(HttpClient http, URI webhook, URI sandbox, String token, String secret, String run, int i,
            long pollMs) throws Exception {
        String phone = "9617" + String.format("%07d", Math.abs((run + i).hashCode()) % 10_000_000);
        String text = MESSAGES[i % MESSAGES.length];
        byte[] body = payload(run, i, phone, text).getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(body, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> posted = http.send(post, HttpResponse.BodyHandlers.ofString());
        long ack = (System.nanoTime() - start) / 1000;
        if (posted.statusCode() != 200) {
            System.err.println("webhook answered " + posted.statusCode());
            return null;
        }
        HttpRequest list = HttpRequest.newBuilder(sandbox).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
        Pattern recipient = Pattern.compile("\"recipient\"\\s*:\\s*\"" + phone + "\"");
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = http.send(list, HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200 && recipient.matcher(page.body()).find()) {
                return new long[]{ack, (System.nanoTime() - start) / 1000};
            }
            Thread.sleep(pollMs);
        }
        return null;
    }

    static String login(HttpClient http, URI base, String email, String password) throws Exception {
        String json = "{\"email\":\"" + email + "\",\"password\":\"" + password.replace("\"", "\\\"") + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login as " + email + " answered " + response.statusCode());
        }
        return m.group(1);
    }

    static String payload(String run, int i, String phone, String text) {
        return """
                {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
                  "field": "messages", "value": {"messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "15550783881", "phone_number_id": "bench"},
                  "contacts": [{"profile": {"name": "Bench %d"}, "wa_id": "%s"}],
                  "messages": [{"from": "%s", "id": "wamid.bench.%s.%d", "timestamp": "%d", "type": "text",
                                "text": {"body": "%s"}}]}}]}]}"""
                .formatted(i, phone, phone, run, i, Instant.now().getEpochSecond(), text);
    }

    static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }

    static void print(String name, List<Long> sorted) {
        System.out.printf("%-26s p50 %7.1f ms   p90 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n", name,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100));
    }
}
