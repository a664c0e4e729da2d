package com.zorahai.whatsapp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a WhatsApp message holds, inbound or outbound. */
public enum MessageType {
    TEXT, IMAGE, AUDIO, VIDEO, DOCUMENT, LOCATION,
    /** A tap on an interactive reply button or a list row. */
    INTERACTIVE,
    /** A tap on a quick-reply button of a template. */
    BUTTON, REACTION, TEMPLATE,
    /** Anything the channel does not read (contacts cards, polls, ephemeral messages, ...). */
    UNSUPPORTED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessageType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }

    /** Whether the message carries a file (image, audio, video, document). */
    public boolean isMedia() {
        return this == IMAGE || this == AUDIO || this == VIDEO || this == DOCUMENT;
    }
}
