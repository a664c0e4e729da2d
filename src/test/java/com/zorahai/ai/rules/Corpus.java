package com.zorahai.ai.rules;

import com.zorahai.ai.EmailText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The emails under {@code ai/corpus/} with the values expected from each (see the README there). */
final class Corpus {

    record Entry(String name, EmailText email, Map<String, String> expected) {
    }

    private Corpus() {
    }

    static List<Entry> load() {
        try {
            Path dir = Path.of(Corpus.class.getClassLoader().getResource("ai/corpus").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                        .sorted()
                        .map(Corpus::read)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Entry read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int split = content.indexOf("\n\n");
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : content.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.startsWith("Expect-")) {
                expected.put(key.substring("Expect-".length()), value);
            } else {
                headers.put(key, value);
            }
        }
        String body = content.substring(split + 2);
        boolean html = "text/html".equals(headers.get("Content-Type"));
        EmailText email = new EmailText(headers.get("From"), headers.get("Subject"), html ? null : body,
                html ? body : null, Instant.parse(headers.get("Received")));
        return new Entry(file.getFileName().toString(), email, expected);
    }
}
