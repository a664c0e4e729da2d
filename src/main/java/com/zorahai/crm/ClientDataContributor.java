package com.zorahai.crm;

import com.zorahai.tenancy.TenantId;

/**
 * What a module holds about a client, for the client's privacy export ({@code GET /api/v1/clients/{id}/export}).
 * A module that keeps personal data of clients implements it as a bean; the CRM collects all of them.
 */
public interface ClientDataContributor {

    /** The key of this module's section in the export, e.g. {@code invoicing}. */
    String section();

    /**
     * Everything this module holds about the client, as values Jackson writes (records, lists, maps); null or an
     * empty collection when it holds nothing. An exception fails the whole export rather than leave it incomplete.
     */
    Object export(TenantId tenantId, ClientId clientId);
}
