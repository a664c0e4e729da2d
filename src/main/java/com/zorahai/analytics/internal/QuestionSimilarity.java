package com.zorahai.analytics.internal;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * When two questions ask the same thing. Both are normalised (case, accents, Arabic letter variants and diacritics,
 * punctuation in either script, Arabic-Indic digits, common words), then compared twice: the Jaccard index of their
 * word sets, and the similarity of their character trigrams (as PostgreSQL's {@code pg_trgm} computes it), which
 * forgives typos and inflections. Either reaching its threshold makes them the same question.
 */
public final class QuestionSimilarity {

    private static final Set<String> STOP_WORDS = folded(
            // English
            "a", "an", "the", "is", "are", "am", "was", "were", "be", "do", "does", "did", "i", "you", "we", "it",
            "my", "your", "our", "me", "to", "of", "in", "on", "at", "for", "and", "or", "with", "can", "could",
            "please", "hi", "hello", "there", "this", "that", "any", "have", "has", "there", "would", "will",
            // French
            "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "est", "je", "vous", "nous", "il", "elle",
            "pour", "avec", "en", "au", "aux", "ce", "ça", "bonjour", "svp",
            // Arabic (normalised spelling: alef without hamza, ha for ta marbuta)
            "في", "من", "على", "الى", "عن", "مع", "هل", "انا", "انت", "هو", "هي", "ما", "و", "او", "يا", "لو",
            "إلى", "مرحبا", "السلام", "عليكم", "ممكن");

    private final double jaccardThreshold;
    private final double trigramThreshold;

    public QuestionSimilarity(double jaccardThreshold, double trigramThreshold) {
        this.jaccardThreshold = jaccardThreshold;
        this.trigramThreshold = trigramThreshold;
    }

    /** The normalised form: lower case, no accents or diacritics, one space between the words that matter. */
    public static String normalize(String question) {
        StringBuilder words = new StringBuilder();
        for (String token : fold(question).split("\\s+")) {
            if (!token.isEmpty() && !STOP_WORDS.contains(token)) {
                if (!words.isEmpty()) {
                    words.append(' ');
                }
                words.append(stem(token));
            }
        }
        return words.toString();
    }

    /** Lower case, marks dropped, letter variants folded, punctuation and symbols as spaces. */
    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // NFD splits accents and Arabic hamza/madda from their letters, so dropping the marks folds the variants
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length();) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x0640) {
                continue; // accents, harakat, tatweel
            }
            folded.appendCodePoint(fold(cp));
        }
        return folded.toString();
    }

    private static Set<String> folded(String... words) {
        Set<String> result = new HashSet<>();
        for (String word : words) {
            result.add(fold(word).strip());
        }
        return Set.copyOf(result);
    }

    private static int fold(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            if (Character.isDigit(cp)) {
                return '0' + Character.digit(cp, 10);
            }
            return switch (cp) {
                case 0x0671 -> 0x0627; // alef wasla -> alef
                case 0x0649 -> 0x064A; // alef maqsura -> ya
                case 0x0629 -> 0x0647; // ta marbuta -> ha
                case 0x06CC -> 0x064A; // Farsi ya -> ya
                case 0x06A9 -> 0x0643; // keheh -> kaf
                default -> cp;
            };
        }
        return ' '; // punctuation and symbols of any script, including ، and ؟
    }

    /** Light folds: a Latin plural ("prices" is "price"), the Arabic article ("السعر" is "سعر"). */
    private static String stem(String token) {
        if (token.length() > 3 && token.endsWith("s") && !token.endsWith("ss")
                && token.chars().allMatch(c -> c < 0x250)) {
            return token.substring(0, token.length() - 1);
        }
        if (token.length() > 3 && token.startsWith("\u0627\u0644")) {
            return token.substring(2);
        }
        return token;
    }

    /** The distinct words of a normalised question. */
    public static Set<String> words(String normalized) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : normalized.split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** |A ∩ B| / |A ∪ B| of the word sets; 0 when both are empty. */
    public static double jaccard(String normalizedA, String normalizedB) {
        return ratio(words(normalizedA), words(normalizedB));
    }

    /** The trigrams of each word padded with two spaces in front and one behind, as {@code pg_trgm} builds them. */
    public static Set<String> trigrams(String normalized) {
        Set<String> trigrams = new HashSet<>();
        for (String word : words(normalized)) {
            int[] cps = ("  " + word + " ").codePoints().toArray();
            for (int i = 0; i + 2 < cps.length; i++) {
                trigrams.add(new String(cps, i, 3));
            }
        }
        return trigrams;
    }

    /** Shared trigrams over all trigrams, as {@code pg_trgm}'s {@code similarity()}. */
    public static double trigramSimilarity(String normalizedA, String normalizedB) {
        return ratio(trigrams(normalizedA), trigrams(normalizedB));
    }

    /** How alike two normalised questions are: the larger of the two measures, each relative to its threshold. */
    public double score(String normalizedA, String normalizedB) {
        double byWords = jaccard(normalizedA, normalizedB) / jaccardThreshold;
        double byTrigrams = trigramSimilarity(normalizedA, normalizedB) / trigramThreshold;
        return Math.max(byWords, byTrigrams);
    }

    /** Whether two normalised questions ask the same thing. */
    public boolean same(String normalizedA, String normalizedB) {
        if (normalizedA.isEmpty() || normalizedB.isEmpty()) {
            return normalizedA.equals(normalizedB);
        }
        return score(normalizedA, normalizedB) >= 1.0;
    }

    private static double ratio(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        int shared = 0;
        for (String item : a) {
            if (b.contains(item)) {
                shared++;
            }
        }
        return (double) shared / union.size();
    }
}
