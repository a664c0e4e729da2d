package com.zorahai.knowledge;

import java.util.Locale;

/** What a search hit is: a chunk of a document, or a question and answer pair. */
public enum HitKind {
    CHUNK, QA;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
