package com.zorahai.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The tenant registry: tenants from {@code clients/*}/client.yaml} and from the database, with their overrides.
 * (Signatures fixed for other modules; the implementation lands with the tenancy module.)
 */
@Service
public class Tenants {

    /** The tenant with this id, if it exists. */
    public Optional<Tenant> find(TenantId id) {
        throw new IllegalStateException("pending");
    }

    /** The tenant with this id; a 404 problem {@code tenant-not-found} otherwise. */
    public Tenant get(TenantId id) {
        throw new IllegalStateException("pending");
    }

    public List<Tenant> all() {
        throw new IllegalStateException("pending");
    }

    /** The tenant whose inbound address (or inbound domain) receives mail sent to {@code address}. */
    public Optional<Tenant> findByInboundAddress(String address) {
        throw new IllegalStateException("pending");
    }

    /** The tenant whose WhatsApp channel uses this provider phone-number id. */
    public Optional<Tenant> findByWhatsAppPhoneNumberId(String phoneNumberId) {
        throw new IllegalStateException("pending");
    }

    /** Creates a tenant that lives only in the database; 409 problem {@code tenant-exists} when the id is taken. */
    public Tenant create(NewTenant tenant) {
        throw new IllegalStateException("pending");
    }
}
