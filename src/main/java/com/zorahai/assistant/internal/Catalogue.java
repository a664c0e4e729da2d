package com.zorahai.assistant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * The assistant's texts in each language, from {@code assistant/messages_<language>.properties} (UTF-8). A key
 * missing in one language falls back to English; {@code {name}} placeholders are replaced by the values given.
 */
@Component("assistantCatalogue")
final class Catalogue {

    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    Catalogue() {
        for (Language language : Language.values()) {
            texts.put(language, load("assistant/messages_" + language.code() + ".properties"));
        }
    }

    String text(Language language, String key) {
        String value = texts.get(language).getProperty(key);
        if (value == null) {
            value = texts.get(Language.EN).getProperty(key);
        }
        if (value == null) {
            throw new IllegalArgumentException("no assistant text " + key);
        }
        return value;
    }

    String text(Language language, String key, Map<String, String> values) {
        String text = text(language, key);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            text = text.replace("{" + entry.getKey() + "}", entry.getValue() == null ? "" : entry.getValue());
        }
        return text;
    }

    /** Every key of the English catalogue, to check the others against. */
    java.util.Set<String> keys(Language language) {
        return texts.get(language).stringPropertyNames();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
