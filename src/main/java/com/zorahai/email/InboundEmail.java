package com.zorahai.email;

import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An email a tenant received, decoded to Unicode: addresses as {@code "Name <address>"}, bodies in their own charset
 * turned into text, attachments kept in object storage.
 *
 * @param status {@code received} (waiting), {@code processed} or {@code failed}
 * @param rawMime whether the full MIME source was kept (SendGrid raw mode)
 */
public record InboundEmail(UUID id, TenantId tenantId, String messageId, String from, List<String> to,
        List<String> cc, String subject, String text, String html, String headers, BigDecimal spamScore, String spf,
        String dkim, List<String> envelopeTo, List<Attachment> attachments, String status, String error,
        boolean rawMime, Instant receivedAt, Instant processedAt) {

    public InboundEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        envelopeTo = List.copyOf(envelopeTo);
        attachments = List.copyOf(attachments);
    }

    /**
     * A file that came with the email. Kept ones have a {@code storageKey} in {@code bucket}; skipped ones (too
     * large) have a {@code skippedReason} and no key.
     */
    public record Attachment(String filename, String contentType, long sizeBytes, String contentId, String bucket,
            String storageKey, String skippedReason) {

        public boolean kept() {
            return storageKey != null;
        }
    }
}
