package com.zorahai.ai;

/**
 * Where a value came from: offsets into the cleaned email text (see {@link TravelRequestExtractor#cleanedText}) and
 * the text between them.
 */
public record Span(int start, int end, String text) {
}
