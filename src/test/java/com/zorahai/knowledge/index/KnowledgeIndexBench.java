package com.zorahai.knowledge.index;

import com.zorahai.ai.Embeddings;
import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index figures with 10,000 chunks: indexing throughput, query latency (BM25 and hybrid) and snapshot / restore
 * time. Left out of the normal build (tag {@code bench}); see bench/knowledge/README.md.
 */
@Tag("bench")
class KnowledgeIndexBench {

    static final int CHUNKS = Integer.getInteger("bench.chunks", 10_000);
    static final int QUERIES = Integer.getInteger("bench.queries", 1_000);
    static final int WARMUP = 200;
    static final int DIMENSIONS = 1536;
    static final TenantId TENANT = TenantId.of("bench-tenant");

    @TempDir
    Path dir;

    /** Vectors made in-process from per-word random vectors, so the figures time Lucene, not an embeddings API. */
    static final class LocalEmbeddings implements Embeddings {

        private final Map<String, float[]> words = new HashMap<>();

        @Override
        public String model() {
            return "bench-local";
        }

        @Override
        public int dimensions() {
            return DIMENSIONS;
        }

        @Override
        public synchronized EmbeddingBatch embed(List<String> texts) {
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (String text : texts) {
                float[] v = new float[DIMENSIONS];
                for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
                    float[] wv = words.computeIfAbsent(w, k -> {
                        Random r = new Random(k.hashCode());
                        float[] x = new float[DIMENSIONS];
                        for (int i = 0; i < DIMENSIONS; i++) {
                            x[i] = (float) r.nextGaussian();
                        }
                        return x;
                    });
                    for (int i = 0; i < DIMENSIONS; i++) {
                        v[i] += wv[i];
                    }
                }
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                float n = (float) Math.max(1e-9, Math.sqrt(norm));
                for (int i = 0; i < DIMENSIONS; i++) {
                    v[i] /= n;
                }
                vectors.add(v);
            }
            return new EmbeddingBatch(vectors, model(), 0);
        }
    }

    static List<String> vocabulary(Random random) {
        List<String> words = new ArrayList<>(List.of("laser", "session", "price", "aftercare", "sun", "booking",
                "deposit", "visa", "passport", "hotel", "flight", "refund", "hours", "appointment", "skin", "hair",
                "tattoo", "package", "insurance", "luggage", "transfer", "beach", "resort", "cancel", "payment"));
        String letters = "abcdefghijklmnopqrstuvwxyz";
        while (words.size() < 5000) {
            StringBuilder w = new StringBuilder();
            int length = 3 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            words.add(w.toString());
        }
        return words;
    }

    /** A word drawn with a Zipf-like skew: common words are common. */
    static String word(List<String> vocabulary, Random random) {
        double u = random.nextDouble();
        return vocabulary.get((int) Math.min(vocabulary.size() - 1, Math.floor(Math.pow(vocabulary.size(), u)) - 1));
    }

    static List<IndexEntry> corpus(List<String> vocabulary, Random random) {
        List<IndexEntry> entries = new ArrayList<>(CHUNKS);
        for (int i = 0; i < CHUNKS; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 800) {
                int sentence = 6 + random.nextInt(12);
                for (int w = 0; w < sentence; w++) {
                    text.append(w == 0 ? "" : " ").append(word(vocabulary, random));
                }
                text.append(". ");
            }
            String document = "doc-" + (i / 20);
            boolean qa = i % 10 == 0;
            entries.add(new IndexEntry(qa ? "qa-" + i : document + ":" + (i % 20), qa ? HitKind.QA : HitKind.CHUNK,
                    qa ? "qa-" + i : document, null, "Title " + word(vocabulary, random) + " " + word(vocabulary,
                            random),
                    List.of("Section " + word(vocabulary, random)), 0, text.length(), text
                            .toString().strip()));
        }
        return entries;
    }

    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    private long[] queries(KnowledgeIndex index, List<String> vocabulary, Random random, int count) {
        long[] nanos = new long[count];
        for (int q = 0; q < count; q++) {
            StringBuilder query = new StringBuilder();
            int words = 2 + random.nextInt(5);
            for (int w = 0; w < words; w++) {
                query.append(w == 0 ? "" : " ").append(word(vocabulary, random));
            }
            long start = System.nanoTime();
            index.search(TENANT, query.toString(), SearchOptions.top(6));
            nanos[q] = System.nanoTime() - start;
        }
        return nanos;
    }

    private void run(String label, Embeddings embeddings) throws IOException {
        Random random = new Random(42);
        List<String> vocabulary = vocabulary(random);
        List<IndexEntry> entries = corpus(vocabulary, random);
        LocalSnapshotStore store = new LocalSnapshotStore(dir.resolve(label + "-snapshots"), "");
        try (KnowledgeIndex index = new KnowledgeIndex(dir.resolve(label + "-a"), embeddings, store)) {
            long embedStart = System.nanoTime();
            if (embeddings != null) {
                embeddings.embed(entries.stream().map(IndexEntry::embeddingText).toList());
            }
            long embedNanos = System.nanoTime() - embedStart;
            long start = System.nanoTime();
            index.rebuild(TENANT, entries, 1);
            long indexNanos = System.nanoTime() - start - (embeddings == null ? 0 : embedNanos);
            queries(index, vocabulary, random, WARMUP);
            long[] latencies = queries(index, vocabulary, random, QUERIES);
            start = System.nanoTime();
            index.snapshot(TENANT);
            long snapshotNanos = System.nanoTime() - start;
            long size = Files.size(dir.resolve(label + "-snapshots").resolve(TENANT.value()).resolve("index.zip"));
            try (KnowledgeIndex fresh = new KnowledgeIndex(dir.resolve(label + "-b"), embeddings, store)) {
                start = System.nanoTime();
                fresh.restore(TENANT);
                fresh.search(TENANT, "laser price", SearchOptions.top(6));
                long restoreNanos = System.nanoTime() - start;
                System.out.printf(Locale.ROOT, "%n[%s] %d chunks (%d with vectors of %d dimensions)%n", label,
                        entries.size(), embeddings == null ? 0 : entries.size(), embeddings == null ? 0 : DIMENSIONS);
                System.out.printf(Locale.ROOT, "  indexing: %.0f chunks/s (%.1f s for all%s)%n", entries.size()
                        / (indexNanos / 1e9), indexNanos / 1e9,
                        embeddings == null
                                ? ""
                                : ", in-process embedding time of " + String.format(Locale.ROOT, "%.1f s", embedNanos
                                        / 1e9) + " left out");
                System.out.printf(Locale.ROOT,
                        "  query latency over %d queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        QUERIES, percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));
                System.out.printf(Locale.ROOT, "  snapshot: %.0f ms (%.1f MB zip); restore into an empty folder "
                        + "and first query: %.0f ms%n", snapshotNanos / 1e6, size / 1e6, restoreNanos / 1e6);
            }
        }
    }

    @Test
    void bm25() throws IOException {
        run("bm25", null);
    }

    @Test
    void hybrid() throws IOException {
        run("hybrid", new LocalEmbeddings());
    }
}
