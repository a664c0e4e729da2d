package com.zorahai.telephony;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A caller asked the voice assistant to be called back. Stored as a callback request; when the caller named a time,
 * a call is also queued for it ({@code queueEntryId}).
 *
 * @param preferredAt when the caller would like the call, if they said
 */
public record CallbackRequested(TenantId tenantId, UUID callbackRequestId, String vapiCallId, ClientId clientId,
        String phone, String name, String reason, Instant preferredAt, UUID queueEntryId) {
}
