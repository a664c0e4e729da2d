package com.zorahai.whatsapp.provider;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads message templates in Meta's shape ({@code name, language, status, category, components[]}). */
public final class CloudApiTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\d+\\s*}}");

    private CloudApiTemplates() {
    }

    /** Reads Meta-shaped templates ({@code name, language, status, category, components[]}). */
    public static void read(JsonNode data, List<TemplateList.Template> into) {
        if (data == null || !data.isArray()) {
            return;
        }
        for (JsonNode template : data) {
            String body = null;
            JsonNode components = template.get("components");
            if (components != null && components.isArray()) {
                for (JsonNode component : components) {
                    if ("BODY".equalsIgnoreCase(component.path("type").asString(""))) {
                        body = component.path("text").asString(null);
                    }
                }
            }
            int parameters = 0;
            if (body != null) {
                Matcher matcher = PLACEHOLDER.matcher(body);
                while (matcher.find()) {
                    parameters++;
                }
            }
            into.add(new TemplateList.Template(template.path("name").asString(null),
                    template.path("language").asString(null), template.path("status").asString(null),
                    template.path("category").asString(null), body, parameters));
        }
    }

}
