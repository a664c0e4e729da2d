package com.zorahai.crm;

import com.zorahai.crm.internal.ClientDraft;
import com.zorahai.crm.internal.ClientRecords;
import com.zorahai.tenancy.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The clients of a tenant, for other modules: find a client, or find-or-create one from an inbound contact.
 * Timeline entries are not added here: publish a {@link ClientInteraction} (or an own event the CRM listens to).
 */
@Service
public class Clients {

    private final ClientRecords records;

    Clients(ClientRecords records) {
        this.records = records;
    }

    /**
     * Finds the client owning any of the emails or phones, adding the new ones and the tags to it, or creates it.
     * Concurrent upserts of the same email or phone give one client. A 400 problem naming the field when an email
     * or phone is invalid, or when neither is given.
     */
    public UpsertResult upsert(TenantId tenant, ClientUpsert upsert) {
        ClientRecords.Upserted upserted = records.upsert(tenant, ClientDraft.of(ClientRecords.contactName(
                upsert.name()), upsert.emails(),
                upsert.phones(), null, upsert.tags(), null,
                upsert.source() == null ? null : upsert.source().value(), null, null));
        return new UpsertResult(upserted.client().id(), upserted.created());
    }

    /** The client, unless it does not exist in the tenant or was deleted; it may be merged or erased. */
    public Optional<ClientView> find(TenantId tenant, ClientId id) {
        return records.find(tenant, id);
    }

    /** The live client with this email (compared without regard to case), if any. */
    public Optional<ClientView> findByEmail(TenantId tenant, String email) {
        return records.findByEmail(tenant, email);
    }

    /** The live client with this phone, in E.164 or national in the tenant's region, if any. */
    public Optional<ClientView> findByPhone(TenantId tenant, String phone) {
        return records.findByPhone(tenant, phone);
    }
}
