package com.zorahai.booking.internal;

import com.zorahai.platform.FieldErrors;

/**
 * Reading request values into {@link FieldErrors}: trimmed texts with a length limit, and paging.
 */
public final class Inputs {

    private Inputs() {
    }

    /** A trimmed text, null when blank; a field error when longer than {@code max}. */
    public static String text(FieldErrors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
            return null;
        }
        return stripped;
    }

    /** {@code page} and {@code size}, defaulting to 0 and 20, each checked. */
    public static int[] paging(FieldErrors errors, Integer page, Integer size, int maxSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > 1_000_000) {
            errors.add("page", "must be between 0 and 1000000");
        }
        if (s < 1 || s > maxSize) {
            errors.add("size", "must be between 1 and " + maxSize);
        }
        return new int[]{p, s};
    }
}
