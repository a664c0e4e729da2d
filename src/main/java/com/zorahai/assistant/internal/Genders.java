package com.zorahai.assistant.internal;

import com.zorahai.booking.Gender;
import java.util.List;
import java.util.Optional;

/** Reads whether a customer speaks of a woman or a man ("for men", "femme", "للسيدات"), for gender prices. */
final class Genders {

    private static final List<String> FEMALE = List.of("woman", "women", "female", "lady", "ladies", "girl", "her",
            "femme", "femmes", "feminin", "madame", "fille", "سيده", "سيدات", "للسيدات", "امراه", "نساء", "بنت",
            "انثي", "ست", "مدام");
    private static final List<String> MALE = List.of("man", "men", "male", "guy", "gentleman", "him", "homme",
            "hommes", "masculin", "monsieur", "garcon", "رجل", "رجال", "للرجال", "شب", "شاب", "ذكر");

    private Genders() {
    }

    static Optional<Gender> of(String text) {
        String folded = Keywords.fold(text);
        boolean female = Keywords.matchesAny(folded, FEMALE);
        boolean male = Keywords.matchesAny(folded, MALE);
        if (female == male) {
            return Optional.empty();
        }
        return Optional.of(female ? Gender.FEMALE : Gender.MALE);
    }
}
