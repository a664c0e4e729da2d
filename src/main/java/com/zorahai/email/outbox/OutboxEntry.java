package com.zorahai.email.outbox;

import com.zorahai.email.OutboundEmail;
import com.zorahai.tenancy.TenantId;
import java.util.List;

/**
 * A checked and rendered email, ready to become an outbox row.
 */
public record OutboxEntry(TenantId tenantId, List<String> to, List<String> cc, String subject, String html,
        String text, String template, List<OutboundEmail.Attachment> attachments, String idempotencyKey) {

    public OutboxEntry {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }
}
