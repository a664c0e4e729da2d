import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load script for stay pricing against a running app on this machine: imports a generated rate sheet for a tenant of
 * its own, then times GET /api/v1/pricing/stays and prints the median, p95 and p99.
 *
 * <pre>
 * ZORAH_JWT_SECRET=... java bench/pricing/StayPricingLoad.java [baseUrl] [requests] [concurrency] [hotels]
 * </pre>
 *
 * Only talks to the given base URL (default http://localhost:8080); every loop is bounded by the request count.
 */
public class StayPricingLoad {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int hotels = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        URI baseUri = URI.create(base);
        String host = baseUri.getHost();
        if (!"localhost".equals(host) && !host.startsWith("127.") && !"[::1]".equals(host)) {
            throw new IllegalArgumentException("This script only targets an app on this machine");
        }
        String secret = System.getenv("ZORAH_JWT_SECRET");
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("Set ZORAH_JWT_SECRET to the app's signing secret (32+ bytes)");
        }
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String token = token(secret, tenant);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String csv = rateSheet(hotels);
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(baseUri.resolve(
                "/api/v1/pricing/hotel-rates:import")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("Import failed: " + imported.statusCode() + " " + imported.body());
        }
        System.out.printf("tenant %s: imported %d hotels x 3 rooms x 2 seasons: %s%n", tenant, hotels,
                imported.body());

        // a 7-night stay across the season change, two adults and two children
        URI stay = baseUri.resolve("/api/v1/pricing/stays?destination=Benchland&check_in=2026-11-27"
                + "&check_out=2026-12-04&adults=2&children=4,10");
        HttpRequest request = HttpRequest.newBuilder(stay).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> sample = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (sample.statusCode() != 200) {
            throw new IllegalStateException("Stay lookup failed: " + sample.statusCode() + " " + sample.body());
        }
        int options = sample.body().split("\"hotel_name\"", -1).length - 1;
        System.out.printf("options per lookup: %d, response %d bytes%n", options, sample.body().length());

        int warmup = Math.min(500, requests);
        run(http, request, warmup, concurrency);
        List<Long> nanos = run(http, request, requests, concurrency);
        Collections.sort(nanos);
        long total = nanos.stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "requests %d, concurrency %d, warm-up %d%n", requests, concurrency, warmup);
        System.out.printf(Locale.ROOT, "median %.2f ms, p95 %.2f ms, p99 %.2f ms, mean %.2f ms%n",
                ms(percentile(nanos, 50)), ms(percentile(nanos, 95)), ms(percentile(nanos, 99)),
                ms(total / nanos.size()));
    }

    private static List<Long> run(HttpClient http, HttpRequest request, int count, int concurrency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Long>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    long elapsed = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    return elapsed;
                }));
            }
            List<Long> result = new ArrayList<>(count);
            for (Future<Long> future : futures) {
                result.add(future.get());
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }

    private static String rateSheet(int hotels) {
        StringBuilder csv = new StringBuilder("hotel_name,destination,room_type,board_basis,stars,valid_from,"
                + "valid_to,rate,rate_basis,child_free_under,child_max_age,child_percent,currency\n");
        String[][] rooms = {{"Standard", "BB", "per_room"}, {"Deluxe", "HB", "per_person"},
                {"Suite", "AI", "per_person"}};
        LocalDate low = LocalDate.of(2026, 1, 1);
        LocalDate change = LocalDate.of(2026, 12, 1);
        LocalDate end = LocalDate.of(2027, 3, 31);
        for (int h = 0; h < hotels; h++) {
            for (String[] room : rooms) {
                int base = 80 + (h * 37) % 400;
                csv.append(String.format(Locale.ROOT, "Hotel %03d,Benchland,%s,%s,%d,%s,%s,%d.50,%s,2,11,50,USD%n",
                        h, room[0], room[1], 3 + h % 3, low, change.minusDays(1), base, room[2]));
                csv.append(String.format(Locale.ROOT, "Hotel %03d,Benchland,%s,%s,%d,%s,%s,%d.25,%s,2,11,50,USD%n",
                        h, room[0], room[1], 3 + h % 3, change, end, base + 60, room[2]));
            }
        }
        return csv.toString();
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String token(String secret, String tenant) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":"
                + (now + 3600) + ",\"tenant_id\":\"" + tenant + "\",\"role\":\"admin\",\"email\":\"bench@example.com\"}")
                .getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = url.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return header + "." + payload + "." + signature;
    }
}
