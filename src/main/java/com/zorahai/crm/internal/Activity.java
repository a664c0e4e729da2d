package com.zorahai.crm.internal;

import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a client's timeline.
 *
 * @param sourceEventId the id of the event that recorded it; null for entries made through the API
 * @param createdBy the user who wrote it through the API; null for entries recorded from events
 */
public record Activity(UUID id, ClientId clientId, ActivityType type, Instant occurredAt, String summary,
        String subjectType, String subjectId, Map<String, Object> properties, String sourceEventId, UUID createdBy,
        Instant createdAt) {
}
