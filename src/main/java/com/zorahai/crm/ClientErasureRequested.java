package com.zorahai.crm;

import com.zorahai.tenancy.TenantId;

/**
 * A client's personal data must be erased. The CRM has anonymised its own records when this is published; every
 * module that holds personal data of the client anonymises it, keeping what the law requires (financial records).
 */
public record ClientErasureRequested(TenantId tenantId, ClientId clientId) {
}
