package com.zorahai.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list endpoint answers it: {@code {items, page, size, total}}, pages counted from 0.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item mapped, e.g. from a domain record to its JSON view. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }

    /** The same items reported as page {@code page}. */
    public Page<T> at(int page) {
        return new Page<>(items, page, size, total);
    }
}
