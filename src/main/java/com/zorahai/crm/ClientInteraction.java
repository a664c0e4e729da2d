package com.zorahai.crm;

import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * Something happened with a client that belongs on their timeline. Any module may publish it; the CRM records it
 * once per {@code sourceEventId} (a redelivered event adds nothing).
 *
 * @param clientId the client, when the publisher knows it; otherwise {@code email} or {@code phone} find the client
 *        (creating one named {@code contactName} when none matches)
 * @param summary one line shown on the timeline
 * @param subjectType what the interaction is about, e.g. {@code quote}; with {@code subjectId}
 * @param sourceEventId a stable id of the publisher's event, e.g. {@code quote-sent:<quote id>}
 * @param properties extra values shown with the entry; plain JSON values
 */
public record ClientInteraction(TenantId tenantId, ClientId clientId, String email, String phone,
        String contactName, ActivityType type, Instant occurredAt, String summary, String subjectType,
        String subjectId, String sourceEventId, Map<String, Object> properties) {

    public ClientInteraction {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** An interaction with a known client. */
    public static ClientInteraction forClient(TenantId tenantId, ClientId clientId, ActivityType type,
            Instant occurredAt, String summary, String subjectType, String subjectId, String sourceEventId) {
        return new ClientInteraction(tenantId, clientId, null, null, null, type, occurredAt, summary, subjectType,
                subjectId, sourceEventId, Map.of());
    }

    /** An interaction with whoever owns this email or phone. */
    public static ClientInteraction forContact(TenantId tenantId, String email, String phone, String contactName,
            ActivityType type, Instant occurredAt, String summary, String subjectType, String subjectId,
            String sourceEventId) {
        return new ClientInteraction(tenantId, null, email, phone, contactName, type, occurredAt, summary,
                subjectType, subjectId, sourceEventId, Map.of());
    }
}
