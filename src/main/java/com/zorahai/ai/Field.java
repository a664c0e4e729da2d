package com.zorahai.ai;

/**
 * One extracted value with how sure the engine is of it (0 to 1) and the text it was read from. An absent value is
 * {@link #absent()}: no value, confidence 0, no span.
 */
public record Field<T>(T value, double confidence, Span span) {

    private static final Field<?> ABSENT = new Field<>(null, 0, null);

    public Field {
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> Field<T> absent() {
        return (Field<T>) ABSENT;
    }

    public static <T> Field<T> of(T value, double confidence, Span span) {
        return value == null ? absent() : new Field<>(value, confidence, span);
    }

    public boolean isPresent() {
        return value != null;
    }
}
