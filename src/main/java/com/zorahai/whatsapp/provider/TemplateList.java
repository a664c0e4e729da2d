package com.zorahai.whatsapp.provider;

import java.util.List;

/**
 * Message templates as a provider lists them.
 *
 * @param supported whether the provider can list templates at all
 * @param error why the list could not be read, or null
 */
public record TemplateList(boolean supported, List<Template> templates, String error) {

    public static TemplateList of(List<Template> templates) {
        return new TemplateList(true, templates, null);
    }

    public static TemplateList unsupported(String provider) {
        return new TemplateList(false, List.of(), provider + " does not list templates");
    }

    public static TemplateList failed(String error) {
        return new TemplateList(true, List.of(), error);
    }

    /**
     * One template.
     *
     * @param bodyParameters how many {@code {{n}}} placeholders its body has
     */
    public record Template(String name, String language, String status, String category, String body,
            int bodyParameters) {
    }
}
