package com.zorahai.crm;

import com.zorahai.tenancy.TenantId;

/**
 * Two clients turned out to be one person: everything of {@code sourceId} now belongs to {@code targetId}. Modules
 * that keep records per client point them at the target.
 */
public record ClientsMerged(TenantId tenantId, ClientId targetId, ClientId sourceId) {
}
