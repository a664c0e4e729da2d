package com.zorahai.crm;

import com.zorahai.tenancy.TenantId;

/**
 * A client was deleted: it no longer shows or matches its emails and phones, but its record stays for the
 * financial records that point at it.
 */
public record ClientDeleted(TenantId tenantId, ClientId clientId) {
}
