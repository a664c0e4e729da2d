package com.zorahai.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTests {

    private static ExtractedDocument text(String s) {
        return DocumentReader.read(DocumentFormat.MARKDOWN, s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chunksNeverCrossAHeadingAndKeepTheirHeadingPath() {
        ExtractedDocument d = text("""
                Intro sentence before any heading.

                # Services
                ## Laser Hair Removal
                Most clients need 6 to 8 sessions.
                ## Tattoo Removal
                Black ink clears fastest.
                # Prices
                Full legs: $150.
                """);

        List<Chunker.Chunk> chunks = new Chunker(200, 50).chunk(d);

        assertThat(chunks).extracting(Chunker.Chunk::text).containsExactly("Intro sentence before any heading.",
                "Most clients need 6 to 8 sessions.", "Black ink clears fastest.", "Full legs: $150.");
        assertThat(chunks).extracting(Chunker.Chunk::headingPath).containsExactly(List.of(), List.of("Services",
                "Laser Hair Removal"), List.of("Services", "Tattoo Removal"), List.of("Prices"));
        assertThat(chunks).extracting(Chunker.Chunk::ordinal).containsExactly(0, 1, 2, 3);
    }

    @Test
    void offsetsPointAtTheChunkInTheDocumentText() {
        StringBuilder body = new StringBuilder("# Aftercare\n");
        for (int i = 1; i <= 40; i++) {
            body.append("Rule number ").append(i).append(" keeps your skin safe after treatment. ");
        }
        ExtractedDocument d = text(body.toString());

        List<Chunker.Chunk> chunks = new Chunker(300, 100).chunk(d);

        assertThat(chunks).hasSizeGreaterThan(5);
        for (Chunker.Chunk c : chunks) {
            assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(c.text().length()).isLessThanOrEqualTo(300);
            assertThat(c.text()).startsWith("Rule number").endsWith(".");
        }
        // consecutive chunks overlap by whole sentences, at most the overlap
        for (int i = 1; i < chunks.size(); i++) {
            int overlap = chunks.get(i - 1).end() - chunks.get(i).start();
            assertThat(overlap).isPositive().isLessThanOrEqualTo(100);
        }
    }

    @Test
    void aSentenceLongerThanAChunkIsCutAtSpaces() {
        ExtractedDocument d = text("word ".repeat(100));

        List<Chunker.Chunk> chunks = new Chunker(120, 0).chunk(d);

        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(120);
            assertThat(c.text()).startsWith("word").endsWith("word");
        });
    }

    @Test
    void theSameTextGivesTheSameChunks() {
        ExtractedDocument d = text("# A\nOne. Two. Three.\n# B\nFour.");

        assertThat(new Chunker(100, 20).chunk(d)).isEqualTo(new Chunker(100, 20).chunk(d));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new Chunker(50, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(500, 500)).isInstanceOf(IllegalArgumentException.class);
    }
}
