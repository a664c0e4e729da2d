package com.zorahai.crm;

import com.zorahai.tenancy.TenantId;

/**
 * A client was created (through the API, an upsert or an interaction from an unknown contact).
 */
public record ClientCreated(TenantId tenantId, ClientId clientId, ClientSource source) {
}
