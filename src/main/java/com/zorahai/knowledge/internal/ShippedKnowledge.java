package com.zorahai.knowledge.internal;

import com.zorahai.knowledge.GoldenQuestion;
import com.zorahai.knowledge.NewQaPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge files shipped in {@code clients/<tenant>/knowledge/}: {@code knowledge_base.txt} and any other text,
 * Markdown, HTML, PDF or DOCX file become documents (keyed by file name), {@code style_guide.txt} the style guide,
 * {@code qa_database.json} the Q&A pairs (a list of {@code {question, answer}} objects, optionally with {@code id},
 * {@code tags} or {@code category}) and {@code golden_set.json} the golden set.
 */
public record ShippedKnowledge(List<ShippedFile> documents, String styleGuide, List<NewQaPair> qaPairs,
        List<GoldenQuestion> goldenSet) {

    public static final String STYLE_GUIDE = "style_guide.txt";
    public static final String QA_DATABASE = "qa_database.json";
    public static final String GOLDEN_SET = "golden_set.json";

    /** A document file. */
    public record ShippedFile(String name, DocumentFormat format, byte[] content) {
    }

    public static ShippedKnowledge read(Path dir) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            List<ShippedFile> documents = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals(STYLE_GUIDE) || name.startsWith(".")) {
                        continue;
                    }
                    var format = DocumentFormat.detect(null, name);
                    if (format.isPresent()) {
                        documents.add(new ShippedFile(name, format.get(), Files.readAllBytes(file)));
                    }
                }
            }
            Path style = dir.resolve(STYLE_GUIDE);
            String styleGuide = Files.isRegularFile(style)
                    ? Files.readString(style, StandardCharsets.UTF_8).strip()
                    : null;
            Path qa = dir.resolve(QA_DATABASE);
            List<NewQaPair> pairs = Files.isRegularFile(qa)
                    ? qaPairs(json.readTree(qa.toFile()), "shipped")
                    : List.of();
            Path golden = dir.resolve(GOLDEN_SET);
            List<GoldenQuestion> goldenSet = Files.isRegularFile(golden)
                    ? goldenSet(json.readTree(golden.toFile()))
                    : List.of();
            return new ShippedKnowledge(documents, styleGuide, pairs, goldenSet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException("a knowledge file under " + dir + " is not valid JSON: " + e
                    .getOriginalMessage());
        }
    }

    /** Pairs from the {@code qa_database.json} shape; entries without question or answer are left for validation. */
    public static List<NewQaPair> qaPairs(JsonNode root, String source) {
        JsonNode list = root != null && root.isObject() && root.has("qa_pairs") ? root.get("qa_pairs") : root;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("a Q&A database is a JSON list of {question, answer} objects");
        }
        List<NewQaPair> pairs = new ArrayList<>();
        for (JsonNode item : list) {
            if (item == null || !item.isObject()) {
                pairs.add(null);
                continue;
            }
            List<String> tags = new ArrayList<>();
            if (item.path("tags").isArray()) {
                item.get("tags").forEach(t -> tags.add(t.asString()));
            }
            if (item.path("category").isString()) {
                tags.add(item.get("category").asString());
            }
            pairs.add(new NewQaPair(text(item, "question", "q"), text(item, "answer", "a"), tags, text(item, "id",
                    "key"), source));
        }
        return pairs;
    }

    static List<GoldenQuestion> goldenSet(JsonNode root) {
        JsonNode list = root != null && root.isObject() && root.has("questions") ? root.get("questions") : root;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("a golden set is a JSON list of questions");
        }
        List<GoldenQuestion> questions = new ArrayList<>();
        for (JsonNode item : list) {
            questions.add(new GoldenQuestion(text(item, "question", "q"), strings(item.path("expected_documents")),
                    strings(item.path("expected_qa")), strings(item.path("keywords"))));
        }
        return questions;
    }

    private static String text(JsonNode item, String name, String alternative) {
        JsonNode node = item.has(name) ? item.get(name) : item.get(alternative);
        return node == null || node.isNull() ? null : node.isString() ? node.asString() : node.toString();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asString()));
        }
        return values;
    }
}
