package com.zorahai.ai.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.ai.EmailText;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time to clean and read one email with the rules, over the corpus. Not part of the normal build (tag {@code bench});
 * run it as {@code bench/ai/README.md} says.
 */
@Tag("bench")
class RuleExtractorBench {

    private static final Logger log = LoggerFactory.getLogger(RuleExtractorBench.class);
    private static final int WARMUP_ROUNDS = 200;
    private static final int ROUNDS = 500;

    @Test
    void parseTimePerEmail() {
        List<Corpus.Entry> corpus = Corpus.load();
        EmailCleaner cleaner = new EmailCleaner();
        RuleBasedExtractor rules = new RuleBasedExtractor();
        Currency zar = Currency.getInstance("ZAR");
        int sink = 0;
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (Corpus.Entry entry : corpus) {
                sink += parse(cleaner, rules, entry.email(), zar);
            }
        }
        long[] nanos = new long[ROUNDS * corpus.size()];
        long[][] perEmail = new long[corpus.size()][ROUNDS];
        int i = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int e = 0; e < corpus.size(); e++) {
                long start = System.nanoTime();
                sink += parse(cleaner, rules, corpus.get(e).email(), zar);
                long took = System.nanoTime() - start;
                nanos[i++] = took;
                perEmail[e][round] = took;
            }
        }
        StringBuilder slowest = new StringBuilder();
        java.util.stream.IntStream.range(0, corpus.size())
                .boxed()
                .sorted(java.util.Comparator.comparingLong((Integer e) -> median(perEmail[e])).reversed())
                .limit(5)
                .forEach(e -> slowest.append(String.format(Locale.ROOT, "  %-40s median %.0f µs%n",
                        corpus.get(e).name(), median(perEmail[e]) / 1000.0)));
        Arrays.sort(nanos);
        double median = nanos[nanos.length / 2] / 1000.0;
        double p95 = nanos[(int) (nanos.length * 0.95)] / 1000.0;
        double p99 = nanos[(int) (nanos.length * 0.99)] / 1000.0;
        double max = nanos[nanos.length - 1] / 1000.0;
        log.info(String.format(Locale.ROOT,
                "%nRule-based extraction, %d emails x %d rounds (after %d warm-up rounds): median %.0f µs, p95 %.0f µs,"
                        + " p99 %.0f µs, max %.0f µs per email%n",
                corpus.size(), ROUNDS, WARMUP_ROUNDS, median, p95, p99, max) + "slowest emails:\n" + slowest);
        assertThat(sink).isPositive();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int parse(EmailCleaner cleaner, RuleBasedExtractor rules, EmailText email, Currency currency) {
        CleanedEmail cleaned = cleaner.clean(email);
        return rules.extract(cleaned, email.from(), LocalDate.ofInstant(email.receivedAt(), ZoneOffset.UTC), currency)
                .destinations().size() + 1;
    }
}
