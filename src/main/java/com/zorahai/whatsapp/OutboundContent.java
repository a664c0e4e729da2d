package com.zorahai.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What to send. Free-form content needs the customer-service window; a {@link Template} does not. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = OutboundContent.Text.class, name = "text"),
        @JsonSubTypes.Type(value = OutboundContent.Media.class, name = "media"),
        @JsonSubTypes.Type(value = OutboundContent.Interactive.class, name = "interactive"),
        @JsonSubTypes.Type(value = OutboundContent.Template.class, name = "template")})
public sealed interface OutboundContent {

    MessageType type();

    /** Whether the content may only be sent inside the customer's 24-hour window. */
    default boolean needsWindow() {
        return true;
    }

    record Text(String body, boolean previewUrl) implements OutboundContent {

        public Text(String body) {
            this(body, false);
        }

        @Override
        public MessageType type() {
            return MessageType.TEXT;
        }
    }

    /**
     * A file the provider fetches from a public {@code link}.
     *
     * @param type {@link MessageType#IMAGE}, {@link MessageType#DOCUMENT}, {@link MessageType#AUDIO} or
     *        {@link MessageType#VIDEO}
     */
    record Media(MessageType type, String link, String caption, String filename) implements OutboundContent {
    }

    /**
     * Reply buttons (at most 3) or a list (sections of rows, at most 10 rows in all).
     *
     * @param listButton the label of the button that opens the list; null for reply buttons
     */
    record Interactive(String header, String body, String footer, List<Choice> buttons, String listButton,
            List<Section> sections) implements OutboundContent {

        public static Interactive buttons(String body, List<Choice> buttons) {
            return new Interactive(null, body, null, buttons, null, List.of());
        }

        public static Interactive list(String body, String listButton, List<Section> sections) {
            return new Interactive(null, body, null, List.of(), listButton, sections);
        }

        @JsonIgnore
        public boolean isList() {
            return listButton != null;
        }

        @Override
        public MessageType type() {
            return MessageType.INTERACTIVE;
        }
    }

    /** A button or list row: {@code id} comes back in the customer's reply. */
    record Choice(String id, String title, String description) {

        public Choice(String id, String title) {
            this(id, title, null);
        }
    }

    record Section(String title, List<Choice> rows) {
    }

    /**
     * An approved template, the only thing that may be sent outside the window.
     *
     * @param language the template's language code, e.g. {@code en_US}
     * @param bodyParameters the values of the body's {@code {{1}}}, {@code {{2}}}, ... in order
     */
    record Template(String name, String language, List<String> bodyParameters) implements OutboundContent {

        @Override
        public MessageType type() {
            return MessageType.TEMPLATE;
        }

        @Override
        public boolean needsWindow() {
            return false;
        }
    }
}
