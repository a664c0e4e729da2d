package com.zorahai.ai.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.Classification;
import com.zorahai.ai.Field;
import com.zorahai.ai.Span;
import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.ai.rules.CleanedEmail;
import com.zorahai.platform.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extraction by an OpenAI chat model with structured outputs: the request carries our JSON schema, the answer is
 * checked against it and mapped to our records; the quoted source of each value becomes a span in the cleaned text.
 * Any failure is an {@link AiCallFailed}, so the caller can let the rules answer.
 */
public class OpenAiExtractor {

    public static final String ENGINE = "openai";
    static final String PROMPT = "travel-request-extraction.md";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenAIClient client;
    private final Prompts prompts;
    private final ResponseFormatJsonSchema.JsonSchema schema;

    /**
     * @param client the SDK client (its timeout bounds every call)
     * @param promptsDir where {@code travel-request-extraction.md} is read from at call time
     */
    public OpenAiExtractor(OpenAIClient client, Path promptsDir) {
        this.client = client;
        this.prompts = new Prompts(promptsDir);
        this.schema = schema();
    }

    /**
     * Asks the model.
     *
     * @param today the day the email arrived in the tenant's zone
     * @param defaultCurrency the tenant's currency, for amounts without a symbol
     * @throws AiCallFailed when the model does not give a usable answer in time
     */
    public TravelRequestExtraction extract(CleanedEmail email, String sender, String model, LocalDate today,
            Currency defaultCurrency) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(model)
                .temperature(0)
                .addSystemMessage(prompts.get(PROMPT))
                .addUserMessage("Received: " + today + "\nAgency default currency: " + defaultCurrency.getCurrencyCode()
                        + "\nFrom: " + sender + "\n\n" + email.text())
                .jsonSchemaResponseFormat(schema)
                .build();
        ChatCompletion completion = Completions.create(client, params);
        String content = Completions.message(completion).content()
                .orElseThrow(() -> new AiCallFailed("invalid_response", "no content", null));
        return map(content, email.text(), Completions.model(completion, model), defaultCurrency);
    }

    /** Maps the model's JSON to our records; an answer that does not fit the schema is an {@link AiCallFailed}. */
    static TravelRequestExtraction map(String content, String text, String model, Currency defaultCurrency) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new AiCallFailed("invalid_response", "content is not JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw new AiCallFailed("invalid_response", "content is not a JSON object", null);
        }
        try {
            Reader r = new Reader(root, text);
            Classification classification = Classification
                    .valueOf(r.required("classification").asString().toUpperCase(Locale.ROOT));
            List<Field<String>> destinations = new ArrayList<>();
            JsonNode list = r.required("destinations");
            if (!list.isArray()) {
                throw new IllegalArgumentException("destinations");
            }
            for (JsonNode item : list) {
                Field<String> destination = r.field(item, JsonNode::asString);
                if (destination.isPresent()) {
                    destinations.add(destination);
                }
            }
            Field<String> amount = r.text("budget_amount");
            Field<String> currency = r.text("budget_currency");
            Field<Money> budget = Field.absent();
            if (amount.isPresent()) {
                Currency cur = currency.isPresent()
                        ? Currency.getInstance(currency.value().strip().toUpperCase(Locale.ROOT))
                        : defaultCurrency;
                BigDecimal value = new BigDecimal(amount.value().replaceAll("[\\s,]", ""));
                budget = new Field<>(new Money(value.setScale(Money.scaleOf(cur), Money.ROUNDING), cur),
                        amount.confidence(), amount.span());
            }
            Field<String> month = r.text("month");
            if (month.isPresent()) {
                YearMonth.parse(month.value());
            }
            return new TravelRequestExtraction(classification, r.text("client_name"), r.text("email"),
                    r.text("phone"), destinations, r.text("origin"), r.date("check_in"), r.date("check_out"), month,
                    r.integer("nights"), r.integer("adults"), r.integer("children"), r.ages("children_ages"), budget,
                    r.bool("budget_per_person"), r.text("board_basis"), r.integer("stars"),
                    r.text("special_requests"), r.text("quote_reference"), ENGINE, model);
        } catch (IllegalArgumentException | DateTimeException | JacksonException e) {
            // no detail: it could echo email content
            throw new AiCallFailed("invalid_response", "content does not match the schema", null);
        }
    }

    /** Reads {@code {value, confidence, source}} objects and finds each source in the cleaned text. */
    private record Reader(JsonNode root, String text) {

        JsonNode required(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                throw new IllegalArgumentException(name);
            }
            return node;
        }

        <T> Field<T> field(JsonNode node, Function<JsonNode, T> read) {
            if (node == null || !node.isObject() || !node.has("value")) {
                throw new IllegalArgumentException("field");
            }
            JsonNode value = node.get("value");
            if (value == null || value.isNull() || value.isString() && value.asString().isBlank()) {
                return Field.absent();
            }
            double confidence = node.path("confidence").asDouble(0.5);
            confidence = Double.isNaN(confidence) ? 0.5 : Math.max(0, Math.min(1, confidence));
            JsonNode source = node.get("source");
            Span span = source == null || source.isNull() ? null : locate(text, source.asString());
            return new Field<>(read.apply(value), span == null ? confidence * 0.9 : confidence, span);
        }

        Field<String> text(String name) {
            return field(required(name), v -> {
                if (!v.isString()) {
                    throw new IllegalArgumentException(name);
                }
                return v.asString().strip();
            });
        }

        Field<Integer> integer(String name) {
            return field(required(name), v -> {
                if (!v.isNumber()) {
                    throw new IllegalArgumentException(name);
                }
                return v.asInt();
            });
        }

        Field<Boolean> bool(String name) {
            return field(required(name), v -> {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException(name);
                }
                return v.asBoolean();
            });
        }

        Field<LocalDate> date(String name) {
            return field(required(name), v -> LocalDate.parse(v.asString()));
        }

        Field<List<Integer>> ages(String name) {
            return field(required(name), v -> {
                if (!v.isArray()) {
                    throw new IllegalArgumentException(name);
                }
                List<Integer> ages = new ArrayList<>();
                v.forEach(age -> ages.add(age.asInt()));
                return List.copyOf(ages);
            });
        }
    }

    /** Where {@code quote} occurs in {@code text}, ignoring case and runs of whitespace; null when it does not. */
    static Span locate(String text, String quote) {
        if (quote == null || quote.isBlank()) {
            return null;
        }
        String needle = quote.strip();
        int at = text.indexOf(needle);
        if (at < 0) {
            at = text.toLowerCase(Locale.ROOT).indexOf(needle.toLowerCase(Locale.ROOT));
        }
        if (at >= 0) {
            return new Span(at, at + needle.length(), text.substring(at, at + needle.length()));
        }
        var pattern = java.util.regex.Pattern.compile(
                java.util.Arrays.stream(needle.split("\\s+"))
                        .map(java.util.regex.Pattern::quote)
                        .reduce((a, b) -> a + "\\s+" + b)
                        .orElseThrow(),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        var m = pattern.matcher(text);
        return m.find() ? new Span(m.start(), m.end(), m.group()) : null;
    }

    @SuppressWarnings("unchecked")
    private static ResponseFormatJsonSchema.JsonSchema schema() {
        Map<String, Object> definition;
        try (InputStream in = OpenAiExtractor.class.getClassLoader()
                .getResourceAsStream("ai/travel-request-schema.json")) {
            if (in == null) {
                throw new IllegalStateException("ai/travel-request-schema.json is missing from the classpath");
            }
            definition = JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        definition.forEach((key, value) -> schema.putAdditionalProperty(key, JsonValue.from(value)));
        return ResponseFormatJsonSchema.JsonSchema.builder()
                .name("travel_request")
                .description("A travel request read from an email")
                .strict(true)
                .schema(schema.build())
                .build();
    }
}
