package com.zorahai.helpdesk.internal;

import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.Chat;
import com.zorahai.ai.ChatMessage;
import com.zorahai.ai.ChatRequest;
import com.zorahai.ai.ChatResult;
import com.zorahai.ai.TokenUsage;
import com.zorahai.knowledge.HitKind;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.KnowledgeHit;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.knowledge.SearchResults;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes grounded answers. A follow-up is first made standalone with the earlier turns (by the model, or by putting
 * the previous question in front of a short or referring one); then the top chunks and pairs are retrieved. With a
 * chat model the answer is written from those sources only, in the tenant's style, citing them, and the model says
 * when they do not hold the answer. Without one (or when the model fails) the best pair answers when it covers the
 * question well enough, else the best sentences of the best passage. Nothing good enough: "I don't know" with an
 * offer to hand over.
 */
@Component
public class Answerer {

    static final String PROMPT = "helpdesk-answer.md";
    private static final Logger log = LoggerFactory.getLogger(Answerer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "(?iu)\\b(it|its|that|this|those|these|they|them|ça|cela|celui|celle|ceux)\\b|"
                    + "(ذلك|هذا|هذه|تلك)");
    private static final Set<String> SHORT_STOP = Set.of("the", "and", "for", "you", "your", "are", "what", "how",
            "can", "does", "with", "les", "des", "est", "pour", "vous", "que", "qui", "une", "avec");
    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "properties", Map.of("answer", Map
            .of("type", "string"), "grounded", Map.of("type", "boolean"), "citations",
            Map.of("type", "array",
                    "items", Map.of("type", "string"))),
            "required", List.of("answer", "grounded", "citations"),
            "additionalProperties", false);

    private final Knowledge knowledge;
    private final Tenants tenants;
    private final Chat chat;
    private final HelpdeskProperties properties;
    private final MeterRegistry meters;

    @Autowired
    Answerer(Knowledge knowledge, Tenants tenants, ObjectProvider<Chat> chat, HelpdeskProperties properties,
            MeterRegistry meters) {
        this(knowledge, tenants, chat.getIfAvailable(), properties, meters);
    }

    Answerer(Knowledge knowledge, Tenants tenants, Chat chat, HelpdeskProperties properties, MeterRegistry meters) {
        this.knowledge = knowledge;
        this.tenants = tenants;
        this.chat = chat;
        this.properties = properties;
        this.meters = meters;
    }

    public Answer answer(TenantId tenant, List<Answer.Turn> history, String question) {
        long started = System.nanoTime();
        List<Answer.Turn> turns = history.size() > properties.historyTurns()
                ? history.subList(history.size()
                        - properties.historyTurns(), history.size())
                : history;
        Usage usage = new Usage();
        String model = model(tenant);
        String query = standalone(turns, question, model, usage);
        SearchResults results = knowledge.search(tenant, query, SearchOptions.top(properties.topK()));
        String language = knowledge.languageOf(question);
        Answer answer = null;
        if (chat != null && !results.hits().isEmpty()) {
            try {
                answer = llm(tenant, turns, question, query, language, results.hits(), model, usage, started);
            } catch (AiCallFailed e) {
                log.warn("Grounded answer by the model failed for tenant {} ({}); answering without it", tenant
                        .value(), e.reason());
                meters.counter("zorah.helpdesk.llm.fallbacks", "reason", e.reason()).increment();
            }
        }
        if (answer == null) {
            answer = offline(query, language, results.hits(), usage, started);
        }
        return answer;
    }

    private static final class Usage {

        long prompt;
        long completion;
        String model;

        void add(ChatResult result) {
            prompt += result.usage().promptTokens();
            completion += result.usage().completionTokens();
            model = result.model();
        }

        TokenUsage total() {
            return new TokenUsage(prompt, completion);
        }
    }

    /** The question made standalone with the earlier turns. */
    String standalone(List<Answer.Turn> turns, String question, String model, Usage usage) {
        String previous = null;
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role().equals("customer")) {
                previous = turns.get(i).content();
                break;
            }
        }
        if (previous == null) {
            return question;
        }
        if (chat != null) {
            try {
                StringBuilder transcript = new StringBuilder();
                for (Answer.Turn t : turns) {
                    transcript.append(t.role().equals("customer") ? "Customer: " : "Assistant: ").append(t
                            .content()).append('\n');
                }
                ChatResult result = chat.complete(new ChatRequest(model, List.of(ChatMessage.system("""
                        Rewrite the customer's last message as one standalone question that can be understood \
                        without the conversation, in the customer's language. Keep names, products and numbers. \
                        If it is already standalone, return it unchanged. Reply with the question only."""),
                        ChatMessage.user("Conversation:\n" + transcript + "\nLast message: " + question)), 0.0, 200,
                        null));
                usage.add(result);
                String rewritten = result.text().strip();
                if (!rewritten.isEmpty() && rewritten.length() <= 1000) {
                    return rewritten;
                }
            } catch (AiCallFailed e) {
                log.warn("Follow-up rewrite by the model failed ({}); rewriting by rule", e.reason());
            }
        }
        return isFollowUp(question) ? previous + " " + question : question;
    }

    /** Short questions and questions that refer back ("how much is it?") lean on the previous one. */
    static boolean isFollowUp(String question) {
        long words = words(question).size();
        return words <= 3 || FOLLOW_UP.matcher(question).find();
    }

    private Answer llm(TenantId tenant, List<Answer.Turn> turns, String question, String query, String language,
            List<KnowledgeHit> hits, String model, Usage usage, long started) {
        Tenant t = tenants.find(tenant).orElse(null);
        String system = prompt().replace("{tenant_name}", t == null ? tenant.value() : t.name())
                .replace("{style_guide}", knowledge.styleGuide(tenant).orElse("Be brief, friendly and precise."));
        StringBuilder user = new StringBuilder("Sources:\n");
        for (int i = 0; i < hits.size(); i++) {
            KnowledgeHit h = hits.get(i);
            user.append("[S").append(i + 1).append("] ").append(h.title());
            if (!h.headingPath().isEmpty()) {
                user.append(" > ").append(String.join(" > ", h.headingPath()));
            }
            user.append('\n').append(h.kind() == HitKind.QA ? "Q: " + h.title() + "\nA: " + h.text() : h.text())
                    .append("\n\n");
        }
        if (!turns.isEmpty()) {
            user.append("Conversation so far:\n");
            for (Answer.Turn turn : turns) {
                user.append(turn.role().equals("customer") ? "Customer: " : "Assistant: ").append(turn.content())
                        .append('\n');
            }
            user.append('\n');
        }
        user.append("Customer's question: ").append(question);
        ChatResult result = chat.complete(new ChatRequest(model, List.of(ChatMessage.system(system), ChatMessage
                .user(user.toString())), 0.0, 600, new ChatRequest.ResponseSchema("grounded_answer", SCHEMA)));
        usage.add(result);
        JsonNode json;
        try {
            json = JSON.readTree(result.text());
        } catch (JacksonException e) {
            throw new AiCallFailed("invalid_response", "the answer is not JSON", null);
        }
        String text = json.path("answer").asString("").strip();
        List<Answer.Citation> citations = new ArrayList<>();
        if (json.path("citations").isArray()) {
            for (JsonNode label : json.get("citations")) {
                String l = label.asString("").strip().toUpperCase(Locale.ROOT).replace("[", "").replace("]", "");
                if (l.startsWith("S")) {
                    try {
                        int i = Integer.parseInt(l.substring(1)) - 1;
                        if (i >= 0 && i < hits.size() && citations.stream().noneMatch(c -> c.id().equals(hits.get(i)
                                .id()))) {
                            citations.add(citation(hits.get(i)));
                        }
                    } catch (NumberFormatException e) {
                        // not one of our labels: ignored
                    }
                }
            }
        }
        if (!json.path("grounded").asBoolean(false) || text.isEmpty() || citations.isEmpty()) {
            return notFound(query, language, usage, started);
        }
        return new Answer(text, true, "llm", citations, query, language, usage.model, usage.total(), elapsed(
                started), false);
    }

    private Answer offline(String query, String language, List<KnowledgeHit> hits, Usage usage, long started) {
        KnowledgeHit bestQa = hits.stream().filter(h -> h.kind() == HitKind.QA).findFirst().orElse(null);
        KnowledgeHit bestChunk = hits.stream().filter(h -> h.kind() == HitKind.CHUNK).filter(h -> h
                .coverage() >= properties.passageThreshold()).findFirst().orElse(null);
        if (bestQa != null && bestQa.coverage() >= properties.qaThreshold() && (bestChunk == null || bestQa
                .coverage() >= bestChunk.coverage() || hits.indexOf(bestQa) < hits.indexOf(bestChunk))) {
            return new Answer(bestQa.text(), true, "qa", List.of(citation(bestQa)), query, language, usage.model,
                    usage.total(), elapsed(started), false);
        }
        if (bestChunk != null) {
            String extract = extract(bestChunk.text(), query);
            return new Answer(extract, true, "extractive", List.of(citation(bestChunk)), query, language,
                    usage.model, usage.total(), elapsed(started), false);
        }
        return notFound(query, language, usage, started);
    }

    private Answer notFound(String query, String language, Usage usage, long started) {
        return new Answer(Phrases.notFound(language), false, "not_found", List.of(), query, language, usage.model,
                usage.total(), elapsed(started), true);
    }

    /** The (at most two) sentences of a passage that share the most words with the question, in passage order. */
    static String extract(String passage, String query) {
        List<String> wanted = words(query);
        List<String> sentences = new ArrayList<>();
        for (String line : passage.split("\\R")) {
            for (String s : line.split("(?<=[.!?؟])\\s+")) {
                if (!s.isBlank()) {
                    sentences.add(s.strip());
                }
            }
        }
        Map<Integer, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            String lower = sentences.get(i).toLowerCase(Locale.ROOT);
            int score = 0;
            for (String w : wanted) {
                if (lower.contains(w.length() > 5 ? w.substring(0, 5) : w)) {
                    score++;
                }
            }
            scores.put(i, score);
        }
        List<Integer> best = scores.entrySet().stream().filter(e -> e.getValue() > 0).sorted((a, b) -> b.getValue()
                - a.getValue() != 0 ? b.getValue() - a.getValue() : a.getKey() - b.getKey()).limit(2).map(
                        Map.Entry::getKey)
                .sorted().toList();
        if (best.isEmpty()) {
            return passage.length() <= 400 ? passage : passage.substring(0, 400).strip() + "…";
        }
        StringBuilder answer = new StringBuilder();
        for (int i : best) {
            answer.append(answer.isEmpty() ? "" : " ").append(sentences.get(i));
        }
        return answer.toString();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}$%]+")) {
            if (w.length() >= 3 && !SHORT_STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    static Answer.Citation citation(KnowledgeHit h) {
        return new Answer.Citation(h.id(), h.kind().value(), h.documentId(), h.title(), h.headingPath(), h.snippet(),
                h.start(), h.end(), h.score());
    }

    private String model(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::ai).map(Tenant.Ai::model).filter(m -> m != null && !m.isBlank())
                .orElse(properties.defaultModel());
    }

    private String prompt() {
        Path file = properties.promptsDir().resolve(PROMPT);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // an unreadable operator prompt: the shipped one still works
        }
        try (InputStream in = Answerer.class.getClassLoader().getResourceAsStream("helpdesk/" + PROMPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
