package com.zorahai.crm.internal;

import com.zorahai.crm.Address;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.Consents;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code clients}.
 */
record ClientRow(ClientId id, TenantId tenantId, String name, List<String> emails, List<String> phones,
        Address address, List<String> tags, String notes, ClientSource source, Consents consents,
        UUID assignedConsultant, Instant createdAt, Instant updatedAt, Instant deletedAt, Instant erasedAt,
        ClientId mergedInto, Instant mergedAt) {

    ClientView view() {
        return new ClientView(id, name, emails, phones, address, tags, notes, source, consents, assignedConsultant,
                createdAt, updatedAt, deletedAt, erasedAt, mergedInto);
    }

    boolean isLive() {
        return deletedAt == null && erasedAt == null && mergedInto == null;
    }

    ClientRow withDetails(String name, List<String> emails, List<String> phones, Address address, List<String> tags,
            String notes, ClientSource source, Consents consents, UUID assignedConsultant, Instant now) {
        return new ClientRow(id, tenantId, name, emails, phones, address, tags, notes, source, consents,
                assignedConsultant, createdAt, now, deletedAt, erasedAt, mergedInto, mergedAt);
    }

    ClientRow deleted(Instant now) {
        return new ClientRow(id, tenantId, name, emails, phones, address, tags, notes, source, consents,
                assignedConsultant, createdAt, now, now, erasedAt, mergedInto, mergedAt);
    }

    /** Merged into {@code target}, which took its emails and phones. */
    ClientRow merged(ClientId target, Instant now) {
        return new ClientRow(id, tenantId, name, List.of(), List.of(), address, tags, notes, source, consents,
                assignedConsultant, createdAt, now, deletedAt, erasedAt, target, now);
    }

    /** Without personal data: what stays is the id, the source, the consultant and the dates. */
    ClientRow erased(Instant now) {
        Consents.Consent withdrawn = new Consents.Consent(false, now);
        return new ClientRow(id, tenantId, ERASED_NAME, List.of(), List.of(), null, List.of(), null, source,
                new Consents(withdrawn, withdrawn, withdrawn, withdrawn), assignedConsultant, createdAt, now,
                deletedAt, now, mergedInto, mergedAt);
    }

    static final String ERASED_NAME = "Erased client";
}
