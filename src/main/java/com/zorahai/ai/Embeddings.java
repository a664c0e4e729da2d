package com.zorahai.ai;

import java.util.List;

/**
 * Turns texts into embedding vectors (OpenAI {@code text-embedding-3-small} by default). The bean exists only when an
 * OpenAI key is configured; callers take it through an {@code ObjectProvider} and search by text alone without it.
 */
public interface Embeddings {

    /** The model the vectors come from, e.g. {@code text-embedding-3-small}; vectors of two models never mix. */
    String model();

    /** The length of every vector. */
    int dimensions();

    /**
     * One vector per text, in the order given, each of {@link #dimensions()} floats.
     *
     * @throws AiCallFailed when the provider gives no usable answer in time
     */
    EmbeddingBatch embed(List<String> texts);

    /** The vectors of one call and the tokens it was billed for. */
    record EmbeddingBatch(List<float[]> vectors, String model, long promptTokens) {

        public EmbeddingBatch {
            vectors = List.copyOf(vectors);
        }
    }
}
