package com.zorahai.email.outbox;

import com.zorahai.email.OutboundEmail;
import com.zorahai.tenancy.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked and rendered email, ready to become an outbox row; {@code headers} are checked extra headers.
 */
public record OutboxEntry(TenantId tenantId, List<String> to, List<String> cc, String subject, String html,
        String text, String template, List<OutboundEmail.Attachment> attachments, String idempotencyKey,
        Map<String, String> headers) {

    public OutboxEntry {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }
}
