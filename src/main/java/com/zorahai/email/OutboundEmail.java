package com.zorahai.email;

import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.Map;

/**
 * A request to send an email. Either {@code template} (rendered with {@code model}) or {@code html}/{@code text}
 * gives the body. A second request with the same {@code idempotencyKey} for the tenant creates no second email.
 */
public record OutboundEmail(TenantId tenantId, List<String> to, List<String> cc, String subject, String template,
        Map<String, Object> model, String html, String text, List<Attachment> attachments, String idempotencyKey) {

    /** A file attached to an email. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }

    /** A templated email to one recipient. */
    public static OutboundEmail templated(TenantId tenantId, String to, String subject, String template,
            Map<String, Object> model, String idempotencyKey) {
        return new OutboundEmail(tenantId, List.of(to), List.of(), subject, template, model, null, null, List.of(),
                idempotencyKey);
    }
}
