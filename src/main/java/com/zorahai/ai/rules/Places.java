package com.zorahai.ai.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places the extractor knows, from {@code ai/destinations.txt}: each spelling mapped to one canonical name. The
 * text is read word by word and the longest known run of words wins, so one pass finds every place.
 */
final class Places {

    record Mention(String place, int start, int end) {
    }

    private record Spelling(String canonical, String exact, boolean caseSensitive) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+(?:['’][\\p{L}]+)?");

    /** Lower-case spelling with single spaces → place. */
    private final Map<String, Spelling> spellings;
    private final int longest;

    private Places(Map<String, Spelling> spellings, int longest) {
        this.spellings = spellings;
        this.longest = longest;
    }

    static Places load() {
        var in = Places.class.getClassLoader().getResourceAsStream("ai/destinations.txt");
        if (in == null) {
            throw new IllegalStateException("ai/destinations.txt is missing from the classpath");
        }
        Map<String, Spelling> spellings = new HashMap<>();
        int longest = 1;
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
                    String bare = name.replace("!", "").strip();
                    boolean caseSensitive = name.startsWith("!")
                            || bare.equals(bare.toUpperCase(Locale.ROOT)) && bare.length() <= 4;
                    spellings.put(key(bare), new Spelling(canonical, bare, caseSensitive));
                    longest = Math.max(longest, bare.split("\\s+").length);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Places(Map.copyOf(spellings), longest);
    }

    /** Every place named in {@code text[from, to)}, in order. */
    List<Mention> find(String text, int from, int to) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(from, to);
        while (m.find()) {
            words.add(new int[]{m.start(), m.end()});
        }
        List<Mention> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(longest, words.size() - i); n >= 1; n--) {
                Mention mention = match(text, words, i, n);
                if (mention != null) {
                    found.add(mention);
                    i += n - 1;
                    break;
                }
            }
        }
        return found;
    }

    /** The place named exactly at {@code start}, if any. */
    Mention at(String text, int start, int to) {
        List<Mention> found = find(text, start, to);
        return found.isEmpty() || found.get(0).start() != start ? null : found.get(0);
    }

    private Mention match(String text, List<int[]> words, int first, int count) {
        StringBuilder key = new StringBuilder();
        for (int j = first; j < first + count; j++) {
            if (j > first) {
                int gapStart = words.get(j - 1)[1];
                int gapEnd = words.get(j)[0];
                if (!text.substring(gapStart, gapEnd).isBlank()) {
                    return null;
                }
                key.append(' ');
            }
            key.append(text, words.get(j)[0], words.get(j)[1]);
        }
        Spelling spelling = spellings.get(key(key.toString()));
        if (spelling == null) {
            return null;
        }
        int start = words.get(first)[0];
        int end = words.get(first + count - 1)[1];
        if (spelling.caseSensitive() && !text.substring(start, end).replaceAll("\\s+", " ").equals(spelling.exact())) {
            return null;
        }
        return new Mention(spelling.canonical(), start, end);
    }

    private static String key(String spelling) {
        return spelling.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
