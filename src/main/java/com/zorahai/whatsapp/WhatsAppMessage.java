package com.zorahai.whatsapp;

import java.time.Instant;

/**
 * One message in the channel's own shape, whatever the provider. Only the parts of its {@link #type()} are set.
 *
 * @param text the text of a text message, the caption of a media message, the title of a reply or button tap
 * @param contextMessageId the provider id of the message this one quotes, if any
 * @param providerMessageId the provider's id ({@code wamid.…})
 * @param timestamp when the provider says the message was sent
 */
public record WhatsAppMessage(MessageType type, String text, Media media, Location location, Reply reply,
        Reaction reaction, String contextMessageId, String providerMessageId, Instant timestamp) {

    /**
     * A file. The channel downloads it on arrival and keeps it in object storage under {@code storageKey}; read it
     * with {@link WhatsAppMessages#media}.
     *
     * @param voice a voice note (recorded in WhatsApp), as opposed to an audio file
     */
    public record Media(String providerMediaId, String mimeType, String sha256, String filename, boolean voice,
            String storageKey) {
    }

    public record Location(double latitude, double longitude, String name, String address) {
    }

    /** An interactive reply (button or list row) or a template quick-reply button: the id is the payload. */
    public record Reply(String id, String title, String description) {
    }

    /** An emoji on an earlier message; an empty emoji removes the reaction. */
    public record Reaction(String emoji, String messageId) {
    }
}
