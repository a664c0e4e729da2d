package com.zorahai.pricing;

import com.zorahai.platform.ProblemException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A destination as rates name it: the lookup key (lower case, accents dropped, words separated by one space, so
 * {@code "Cape-Town"}, {@code " cape  town"} and {@code "Cape Town"} are the same place) and the name to show.
 */
public record Destination(String key, String name) {

    /** The longest destination name accepted. */
    public static final int MAX_LENGTH = 120;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** From a name as written; a 400 problem naming {@code field} when it is blank or too long. */
    public static Destination of(String name, String field) {
        String display = name == null ? "" : name.trim().replaceAll("\\s+", " ");
        if (display.isEmpty()) {
            throw ProblemException.invalidField(field, "is required");
        }
        if (display.length() > MAX_LENGTH) {
            throw ProblemException.invalidField(field, "must be at most " + MAX_LENGTH + " characters");
        }
        String key = key(display);
        if (key.isEmpty()) {
            throw ProblemException.invalidField(field, "must contain letters or digits");
        }
        return new Destination(key, display);
    }

    /** The lookup key of a name. */
    public static String key(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
