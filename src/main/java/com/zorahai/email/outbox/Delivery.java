package com.zorahai.email.outbox;

import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * What a sender needs to deliver one email.
 *
 * @param tenantApiKey the tenant's own provider key, or null to use the platform's; never printed
 * @param replyTo the reply-to address, or null
 */
public record Delivery(UUID emailId, TenantId tenantId, String tenantApiKey, String fromAddress, String fromName,
        String replyTo, List<String> to, List<String> cc, String subject, String html, String text,
        List<OutboxAttachment> attachments) {

    public Delivery {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "Delivery[emailId=" + emailId + ", tenantId=" + tenantId + "]";
    }
}
