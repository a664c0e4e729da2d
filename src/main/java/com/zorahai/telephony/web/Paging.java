package com.zorahai.telephony.web;

import com.zorahai.platform.ProblemException;

/**
 * {@code page} (from 0) and {@code size} of a list request, checked.
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 20;

    static Paging of(Integer page, Integer size, int maxSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (s < 1 || s > maxSize) {
            throw ProblemException.invalidField("size", "must be between 1 and " + maxSize);
        }
        return new Paging(p, s);
    }
}
