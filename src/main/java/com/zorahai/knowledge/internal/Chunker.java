package com.zorahai.knowledge.internal;

import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a document into chunks for retrieval. A chunk never crosses a heading, ends at a sentence end (a sentence
 * longer than a chunk is cut at a space), and starts with the last sentences of the previous chunk of its section, up
 * to {@code overlap} characters. Each chunk keeps the heading path above it and its offsets in the document text.
 * The same text always gives the same chunks.
 */
public final class Chunker {

    private final int maxChars;
    private final int overlapChars;

    /**
     * @param maxChars the longest chunk, in characters
     * @param overlapChars how much of the end of a chunk the next one repeats (less than {@code maxChars})
     */
    public Chunker(int maxChars, int overlapChars) {
        if (maxChars < 100 || overlapChars < 0 || overlapChars >= maxChars) {
            throw new IllegalArgumentException("chunk size must be at least 100 and the overlap smaller than it");
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    /** One chunk: its place among the document's chunks, the headings above it and its span of the text. */
    public record Chunk(int ordinal, List<String> headingPath, int start, int end, String text) {

        public Chunk {
            headingPath = List.copyOf(headingPath);
        }
    }

    private record Span(int start, int end) {

        int length() {
            return end - start;
        }
    }

    public List<Chunk> chunk(ExtractedDocument document) {
        String text = document.text();
        List<Chunk> chunks = new ArrayList<>();
        List<ExtractedDocument.Heading> headings = document.headings();
        Deque<ExtractedDocument.Heading> path = new ArrayDeque<>();
        int firstHeading = headings.isEmpty() ? text.length() : headings.get(0).offset();
        section(text, 0, firstHeading, List.of(), chunks);
        for (int i = 0; i < headings.size(); i++) {
            ExtractedDocument.Heading heading = headings.get(i);
            while (!path.isEmpty() && path.peekLast().level() >= heading.level()) {
                path.removeLast();
            }
            path.addLast(heading);
            int bodyStart = Math.min(text.length(), heading.offset() + heading.title().length());
            int bodyEnd = i + 1 < headings.size() ? headings.get(i + 1).offset() : text.length();
            section(text, bodyStart, bodyEnd, path.stream().map(ExtractedDocument.Heading::title).toList(), chunks);
        }
        return chunks;
    }

    private void section(String text, int start, int end, List<String> headingPath, List<Chunk> chunks) {
        List<Span> units = sentences(text, start, end);
        int i = 0;
        while (i < units.size()) {
            int chunkStart = units.get(i).start();
            int j = i + 1;
            while (j < units.size() && units.get(j).end() - chunkStart <= maxChars) {
                j++;
            }
            int chunkEnd = units.get(j - 1).end();
            chunks.add(new Chunk(chunks.size(), headingPath, chunkStart, chunkEnd, text.substring(chunkStart,
                    chunkEnd)));
            if (j >= units.size()) {
                break;
            }
            int next = j;
            while (next - 1 > i && chunkEnd - units.get(next - 1).start() <= overlapChars) {
                next--;
            }
            i = next;
        }
    }

    /** The sentences of {@code [start, end)}, trimmed; lines are sentences of their own (lists, table rows). */
    private List<Span> sentences(String text, int start, int end) {
        List<Span> units = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        int lineStart = start;
        while (lineStart < end) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            String line = text.substring(lineStart, lineEnd);
            sentences.setText(line);
            int from = sentences.first();
            for (int to = sentences.next(); to != BreakIterator.DONE; from = to, to = sentences.next()) {
                addTrimmed(text, lineStart + from, lineStart + to, units);
            }
            lineStart = lineEnd + 1;
        }
        return units;
    }

    private void addTrimmed(String text, int start, int end, List<Span> units) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        // a sentence longer than a chunk is cut at the last space that keeps each piece within the size
        while (end - start > maxChars) {
            int cut = start + maxChars;
            int space = text.lastIndexOf(' ', cut);
            if (space <= start + maxChars / 2) {
                space = cut;
            }
            units.add(new Span(start, space));
            start = space;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (start < end) {
            units.add(new Span(start, end));
        }
    }
}
