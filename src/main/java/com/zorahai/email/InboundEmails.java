package com.zorahai.email;

import com.zorahai.email.inbound.InboundMailbox;
import com.zorahai.platform.storage.ObjectStorage;
import com.zorahai.tenancy.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Inbound email for other modules: read a message announced by {@link InboundEmailReceived}, fetch its attachments,
 * and record the outcome of processing it.
 */
@Service
public class InboundEmails {

    private final InboundMailbox mailbox;
    private final ObjectStorage storage;

    InboundEmails(InboundMailbox mailbox, ObjectStorage storage) {
        this.mailbox = mailbox;
        this.storage = storage;
    }

    /** The tenant's inbound email with this id; empty for an unknown id or another tenant's email. */
    public Optional<InboundEmail> find(TenantId tenant, UUID id) {
        return mailbox.find(tenant, id);
    }

    /** The content of the email's attachment at {@code index} (from 0), when it was kept. */
    public Optional<byte[]> attachment(TenantId tenant, UUID id, int index) {
        return find(tenant, id).filter(e -> index >= 0 && index < e.attachments().size())
                .map(e -> e.attachments().get(index))
                .filter(InboundEmail.Attachment::kept)
                .flatMap(a -> storage.get(a.bucket(), a.storageKey()))
                .map(o -> o.content());
    }

    /**
     * Erases the email's personal content (addresses, subject, bodies, headers, attachments) for a privacy erasure;
     * the row stays, so a redelivery is still recognised. {@code false} when the tenant has no such email.
     */
    public boolean erase(TenantId tenant, UUID id) {
        return mailbox.erase(tenant, id);
    }

    /** Marks the email processed; {@code false} when the tenant has no such email. */
    public boolean markProcessed(TenantId tenant, UUID id) {
        return mailbox.finish(tenant, id, "processed", null);
    }

    /** Marks the email failed with a short reason that is safe to show; {@code false} when there is no such email. */
    public boolean markFailed(TenantId tenant, UUID id, String reason) {
        return mailbox.finish(tenant, id, "failed", reason);
    }
}
