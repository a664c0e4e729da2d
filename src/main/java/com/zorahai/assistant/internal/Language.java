package com.zorahai.assistant.internal;

import java.util.Locale;
import java.util.Optional;

/** The languages the assistant writes in. */
enum Language {
    EN, AR, FR;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The language of a code such as {@code fr}, {@code ar_LB} or {@code en-GB}; empty for any other language. */
    static Optional<Language> of(String code) {
        if (code == null || code.length() < 2) {
            return Optional.empty();
        }
        String prefix = code.substring(0, 2).toUpperCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.name().equals(prefix)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
