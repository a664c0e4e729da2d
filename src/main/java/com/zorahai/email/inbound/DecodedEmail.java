package com.zorahai.email.inbound;

import java.math.BigDecimal;
import java.util.List;

/**
 * An inbound message decoded from a SendGrid post, before it is stored.
 *
 * @param dedupeKey the Message-ID, or {@code sha256:<hex>} of the post when the message has none
 * @param envelopeJson SendGrid's {@code envelope} field when it is valid JSON
 * @param rawMime the {@code email} field in raw mode, {@code null} in parsed mode
 */
public record DecodedEmail(String messageId, String dedupeKey, String from, List<String> to, List<String> cc,
        String subject, String text, String html, String headers, BigDecimal spamScore, String spf, String dkim,
        String envelopeJson, List<String> envelopeTo, byte[] rawMime, List<Attachment> attachments) {

    public DecodedEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        envelopeTo = List.copyOf(envelopeTo);
        attachments = List.copyOf(attachments);
    }

    /** A file of the message. */
    public record Attachment(String filename, String contentType, String contentId, byte[] content) {
    }
}
