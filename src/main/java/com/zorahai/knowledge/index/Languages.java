package com.zorahai.knowledge.index;

import java.util.Locale;
import java.util.Set;

/**
 * Tells the language of a text among those the index analyses by language: Arabic by its script, French from
 * English by common words and accents. English is the default.
 */
public final class Languages {

    public static final Set<String> SUPPORTED = Set.of("en", "fr", "ar");

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "est", "une", "un", "pour",
            "vous", "avec", "que", "qui", "dans", "au", "aux", "sur", "pas", "combien", "quel", "quelle", "quels",
            "quelles", "je", "nous", "votre", "vos", "et", "ou", "où", "mon", "ma", "mes", "ce", "cette", "sont",
            "faire", "peut", "puis", "comment", "pourquoi", "quand", "séance", "prix", "coûte", "heures");
    private static final Set<String> ENGLISH = Set.of("the", "is", "are", "and", "to", "of", "for", "you", "your",
            "what", "how", "do", "does", "can", "with", "in", "on", "my", "i", "it", "much", "when", "where", "which",
            "will", "should", "after", "before", "be", "have", "has", "a", "an", "price", "cost", "hours");

    private Languages() {
    }

    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return "en";
        }
        int arabic = 0;
        int letters = 0;
        int accents = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
                    arabic++;
                } else if ("éèêëàâçùûôîïœ".indexOf(Character.toLowerCase(c)) >= 0) {
                    accents++;
                }
            }
        }
        if (letters > 0 && arabic * 10 >= letters * 3) {
            return "ar";
        }
        int french = accents;
        int english = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            String w = word.startsWith("l'") || word.startsWith("d'") || word.startsWith("j'") || word.startsWith(
                    "qu'") ? word.substring(word.indexOf('\'') + 1) : word;
            if (FRENCH.contains(w) || !w.equals(word)) {
                french++;
            }
            if (ENGLISH.contains(w)) {
                english++;
            }
        }
        return french > english ? "fr" : "en";
    }
}
