package com.zorahai.email.outbox;

import com.zorahai.tenancy.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a sender needs to deliver one email.
 *
 * @param tenantApiKey the tenant's own provider key, or null to use the platform's; never printed
 * @param replyTo the reply-to address, or null
 * @param headers extra message headers, in order (e.g. {@code In-Reply-To})
 */
public record Delivery(UUID emailId, TenantId tenantId, String tenantApiKey, String fromAddress, String fromName,
        String replyTo, List<String> to, List<String> cc, String subject, String html, String text,
        List<OutboxAttachment> attachments, Map<String, String> headers) {

    public Delivery {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "Delivery[emailId=" + emailId + ", tenantId=" + tenantId + "]";
    }
}
