package com.zorahai.email;

import com.zorahai.tenancy.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request to send an email. Either {@code template} (rendered with {@code model}) or {@code html}/{@code text}
 * gives the body. A second request with the same {@code idempotencyKey} for the tenant creates no second email.
 *
 * @param headers extra message headers, e.g. {@code In-Reply-To} and {@code References} to thread a reply; names
 *        the provider sets itself (From, To, Subject, Content-Type...) are refused
 */
public record OutboundEmail(TenantId tenantId, List<String> to, List<String> cc, String subject, String template,
        Map<String, Object> model, String html, String text, List<Attachment> attachments, String idempotencyKey,
        Map<String, String> headers) {

    public OutboundEmail {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** An email without extra headers. */
    public OutboundEmail(TenantId tenantId, List<String> to, List<String> cc, String subject, String template,
            Map<String, Object> model, String html, String text, List<Attachment> attachments,
            String idempotencyKey) {
        this(tenantId, to, cc, subject, template, model, html, text, attachments, idempotencyKey, Map.of());
    }

    /** The same email with these extra headers (in this order) instead of its own. */
    public OutboundEmail withHeaders(Map<String, String> headers) {
        return new OutboundEmail(tenantId, to, cc, subject, template, model, html, text, attachments,
                idempotencyKey, headers);
    }

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
