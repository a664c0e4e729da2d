package com.zorahai.ai.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The places the extractor knows, from {@code ai/destinations.txt}: each spelling mapped to one canonical name. */
final class Places {

    record Mention(String place, int start, int end) {
    }

    private record Spelling(String canonical, Pattern pattern) {
    }

    private final List<Spelling> spellings;

    private Places(List<Spelling> spellings) {
        this.spellings = spellings;
    }

    static Places load() {
        var in = Places.class.getClassLoader().getResourceAsStream("ai/destinations.txt");
        if (in == null) {
            throw new IllegalStateException("ai/destinations.txt is missing from the classpath");
        }
        List<Spelling> spellings = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split("\\|");
                String canonical = names[0].replace("!", "");
                for (String name : names) {
                    boolean caseSensitive = name.startsWith("!")
                            || name.equals(name.toUpperCase()) && name.length() <= 4;
                    String bare = name.replace("!", "");
                    String regex = "(?<![\\p{L}\\d])" + Pattern.quote(bare).replace(" ", "\\E\\s+\\Q")
                            + "(?![\\p{L}\\d])";
                    spellings.add(new Spelling(canonical,
                            Pattern.compile(regex,
                                    caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // longer spellings first, so "Cape Town" wins over a shorter overlapping name
        spellings.sort(Comparator.comparingInt((Spelling s) -> s.pattern().pattern().length()).reversed());
        return new Places(List.copyOf(spellings));
    }

    /** Every place named in {@code text[from, to)}, in order, without overlaps. */
    List<Mention> find(String text, int from, int to) {
        List<Mention> found = new ArrayList<>();
        for (Spelling spelling : spellings) {
            Matcher m = spelling.pattern().matcher(text).region(from, to);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (found.stream().noneMatch(f -> f.start() < e && s < f.end())) {
                    found.add(new Mention(spelling.canonical(), s, e));
                }
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    /** The place named exactly at {@code start}, if any. */
    Mention at(String text, int start, int to) {
        return find(text, start, to).stream().filter(m -> m.start() == start).findFirst().orElse(null);
    }
}
