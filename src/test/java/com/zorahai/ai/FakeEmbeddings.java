package com.zorahai.ai;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock extension that answers {@code POST /v1/embeddings} like OpenAI, with deterministic vectors: words of
 * the same meaning (card, visa, payment...) share a dimension, other words are hashed. So "credit card" lands near
 * "Visa and Mastercard" although the two share no word, which is what vectors add to BM25.
 */
public final class FakeEmbeddings implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-embeddings";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<List<String>> CONCEPTS = List.of(
            List.of("card", "cards", "credit", "visa", "mastercard", "pay", "paying", "payment", "payments", "cash"),
            List.of("price", "prices", "cost", "costs", "fee", "fees", "much", "$", "dollars", "rand"),
            List.of("hours", "open", "opening", "closed", "close", "monday", "saturday", "sunday", "schedule"),
            List.of("sun", "sunscreen", "spf", "tan", "tanning", "beach", "sunbathing"),
            List.of("luggage", "baggage", "bag", "bags", "suitcase", "kg"),
            List.of("pregnant", "pregnancy", "breastfeeding", "baby", "expecting"),
            List.of("machine", "device", "laser", "lasers", "equipment", "technology", "gentlemax"),
            List.of("cancel", "cancellation", "cancelling", "refund", "late", "missed"));
    private static final int HASHED = 32;

    public static int dimensions() {
        return CONCEPTS.size() + HASHED;
    }

    /** The vector of a text, normalised to length 1. */
    public static float[] vector(String text, int dimensions) {
        float[] v = new float[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}$]+")) {
            if (word.length() < 2 && !word.equals("$")) {
                continue;
            }
            int concept = -1;
            for (int c = 0; c < CONCEPTS.size(); c++) {
                if (CONCEPTS.get(c).contains(word)) {
                    concept = c;
                }
            }
            int dim = concept >= 0 ? concept : CONCEPTS.size() + Math.floorMod(word.hashCode(), HASHED);
            v[dim % dimensions] += concept >= 0 ? 3 : 1;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = norm == 0 ? 1 : Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        int dimensions = body.path("dimensions").asInt(dimensions());
        List<String> inputs = new ArrayList<>();
        if (body.get("input").isArray()) {
            body.get("input").forEach(i -> inputs.add(i.asString()));
        } else {
            inputs.add(body.get("input").asString());
        }
        List<Map<String, Object>> data = new ArrayList<>();
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("object", "embedding");
            item.put("index", i);
            float[] vector = vector(inputs.get(i), dimensions);
            List<Float> values = new ArrayList<>(vector.length);
            for (float f : vector) {
                values.add(f);
            }
            item.put("embedding", values);
            data.add(item);
            tokens += inputs.get(i).split("\\s+").length;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("object", "list");
        response.put("data", data);
        response.put("model", body.path("model").asString("text-embedding-3-small"));
        response.put("usage", Map.of("prompt_tokens", tokens, "total_tokens", tokens));
        return new ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(response))
                .build();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }
}
