package com.zorahai.invoicing.internal;

import java.util.List;

/**
 * One page of a list: {@code page} counts from 0, {@code total} is the number of matches in all.
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {
}
