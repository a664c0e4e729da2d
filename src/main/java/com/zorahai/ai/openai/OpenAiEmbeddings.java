package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.Embeddings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Embeddings through the OpenAI embeddings endpoint, as floats, in batches of at most {@value #MAX_BATCH} inputs per
 * call. Every vector is checked to have the configured dimensions.
 */
public class OpenAiEmbeddings implements Embeddings {

    /** Inputs per request (the API accepts up to 2,048; smaller batches keep each call well inside the timeout). */
    static final int MAX_BATCH = 256;

    private final OpenAIClient client;
    private final String model;
    private final int dimensions;

    public OpenAiEmbeddings(OpenAIClient client, String model, int dimensions) {
        this.client = client;
        this.model = model;
        this.dimensions = dimensions;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public EmbeddingBatch embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        long tokens = 0;
        String answeredModel = model;
        for (int from = 0; from < texts.size(); from += MAX_BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + MAX_BATCH)).stream()
                    .map(t -> t == null || t.isBlank() ? " " : t)
                    .toList();
            CreateEmbeddingResponse response;
            try {
                response = client.embeddings().create(EmbeddingCreateParams.builder()
                        .model(model)
                        .inputOfArrayOfStrings(batch)
                        .dimensions(dimensions)
                        .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                        .build());
            } catch (OpenAIException e) {
                throw OpenAiFailures.of(e);
            }
            List<Embedding> data = response.data().stream().sorted(Comparator.comparingLong(Embedding::index))
                    .toList();
            if (data.size() != batch.size()) {
                throw new AiCallFailed("invalid_response", "expected " + batch.size() + " vectors, got " + data
                        .size(), null);
            }
            for (Embedding embedding : data) {
                List<Float> values = embedding.embedding();
                if (values.size() != dimensions) {
                    throw new AiCallFailed("invalid_response", "expected " + dimensions + " dimensions, got "
                            + values.size(), null);
                }
                float[] vector = new float[values.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = values.get(i);
                }
                vectors.add(vector);
            }
            tokens += response.usage().promptTokens();
            if (!response.model().isBlank()) {
                answeredModel = response.model();
            }
        }
        return new EmbeddingBatch(vectors, answeredModel, tokens);
    }
}
