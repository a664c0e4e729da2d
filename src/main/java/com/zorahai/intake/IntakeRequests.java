package com.zorahai.intake;

import com.zorahai.intake.internal.IntakeStore;
import com.zorahai.tenancy.TenantId;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake for other modules: record what became of a request that intake handed on.
 */
@Service
public class IntakeRequests {

    private final IntakeStore store;

    IntakeRequests(IntakeStore store) {
        this.store = store;
    }

    /**
     * Links the ticket opened for a {@link SupportRequestReceived} to the intake request of that email; {@code false}
     * when the tenant has no intake request for the email.
     */
    @Transactional
    public boolean recordTicket(TenantId tenant, UUID inboundEmailId, String ticketRef) {
        if (tenant == null || inboundEmailId == null || ticketRef == null || ticketRef.isBlank()) {
            return false;
        }
        String ref = ticketRef.strip();
        return store.recordTicket(tenant, inboundEmailId, ref.length() > 255 ? ref.substring(0, 255) : ref);
    }
}
