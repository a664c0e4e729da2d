package com.zorahai.whatsapp.provider;

import com.zorahai.whatsapp.OutboundContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of the Cloud API {@code /messages} call, shared by Meta and 360dialog (MontyMobile takes the
 * template body). Built as maps so the JSON names are exactly the API's, whatever the application's naming strategy.
 */
public final class CloudApiMessages {

    private CloudApiMessages() {
    }

    /** The body of a send. A business-scoped user id goes in {@code recipient}, a phone number in {@code to}. */
    public static Map<String, Object> message(OutboundRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put(request.toUserId() ? "recipient" : "to", request.to());
        if (request.contextMessageId() != null) {
            body.put("context", Map.of("message_id", request.contextMessageId()));
        }
        switch (request.content()) {
            case OutboundContent.Text text -> {
                body.put("type", "text");
                body.put("text", Map.of("body", text.body(), "preview_url", text.previewUrl()));
            }
            case OutboundContent.Media media -> {
                String type = media.type().value();
                body.put("type", type);
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("link", media.link());
                if (media.caption() != null && !"audio".equals(type)) {
                    file.put("caption", media.caption());
                }
                if (media.filename() != null && "document".equals(type)) {
                    file.put("filename", media.filename());
                }
                body.put(type, file);
            }
            case OutboundContent.Interactive interactive -> {
                body.put("type", "interactive");
                body.put("interactive", interactive(interactive));
            }
            case OutboundContent.Template template -> {
                body.put("type", "template");
                body.put("template", template(template));
            }
        }
        return body;
    }

    /** The {@code template} object: name, language and the body parameters as text. */
    public static Map<String, Object> template(OutboundContent.Template template) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", template.name());
        value.put("language", Map.of("code", template.language()));
        if (!template.bodyParameters().isEmpty()) {
            List<Map<String, Object>> parameters = template.bodyParameters()
                    .stream()
                    .<Map<String, Object>>map(p -> Map.of("type", "text", "text", p))
                    .toList();
            value.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        }
        return value;
    }

    private static Map<String, Object> interactive(OutboundContent.Interactive interactive) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", interactive.isList() ? "list" : "button");
        if (interactive.header() != null) {
            value.put("header", Map.of("type", "text", "text", interactive.header()));
        }
        value.put("body", Map.of("text", interactive.body()));
        if (interactive.footer() != null) {
            value.put("footer", Map.of("text", interactive.footer()));
        }
        if (interactive.isList()) {
            List<Map<String, Object>> sections = new ArrayList<>();
            for (OutboundContent.Section section : interactive.sections()) {
                Map<String, Object> s = new LinkedHashMap<>();
                if (section.title() != null) {
                    s.put("title", section.title());
                }
                s.put("rows", section.rows().stream().map(CloudApiMessages::row).toList());
                sections.add(s);
            }
            value.put("action", Map.of("button", interactive.listButton(), "sections", sections));
        } else {
            value.put("action", Map.of("buttons", interactive.buttons()
                    .stream()
                    .map(b -> Map.of("type", "reply", "reply", Map.of("id", b.id(), "title", b.title())))
                    .toList()));
        }
        return value;
    }

    private static Map<String, Object> row(OutboundContent.Choice choice) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", choice.id());
        row.put("title", choice.title());
        if (choice.description() != null) {
            row.put("description", choice.description());
        }
        return row;
    }

    /** The body of a mark-as-read call. */
    public static Map<String, Object> read(String providerMessageId) {
        return Map.of("messaging_product", "whatsapp", "status", "read", "message_id", providerMessageId);
    }

    /**
     * The content as plain text, for providers without interactive messages: the body, then one numbered line per
     * choice, so the customer can answer with the number or the words.
     */
    public static String asText(OutboundContent content) {
        return switch (content) {
            case OutboundContent.Text text -> text.body();
            case OutboundContent.Media media -> media.caption() == null
                    ? media.link()
                    : media.caption() + "\n" + media.link();
            case OutboundContent.Interactive interactive -> {
                StringBuilder text = new StringBuilder();
                if (interactive.header() != null) {
                    text.append(interactive.header()).append("\n\n");
                }
                text.append(interactive.body());
                List<OutboundContent.Choice> choices = new ArrayList<>(interactive.buttons());
                interactive.sections().forEach(s -> choices.addAll(s.rows()));
                for (int i = 0; i < choices.size(); i++) {
                    text.append('\n').append(i + 1).append(". ").append(choices.get(i).title());
                }
                if (interactive.footer() != null) {
                    text.append("\n\n").append(interactive.footer());
                }
                yield text.toString();
            }
            case OutboundContent.Template template -> template.name() + " "
                    + String.join(" ", template.bodyParameters());
        };
    }

}
