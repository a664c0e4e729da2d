package com.zorahai.crm.internal;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the number of matches in all.
 *
 * @param page the page number, from 0
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
        return new ResultPage<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }

    ResultPage<T> at(int page) {
        return new ResultPage<>(items, page, size, total);
    }
}
