package com.zorahai.tenancy;

/**
 * What an authenticated principal tells about the tenant it acts for. The identity module's principal implements
 * it; {@link CurrentTenant} reads it.
 */
public interface TenantScoped {

    TenantId tenantId();
}
