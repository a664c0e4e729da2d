package com.zorahai.tickets.internal;

import com.zorahai.crm.ClientErasureRequested;
import com.zorahai.crm.ClientsMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps tickets in step with the CRM: an erased client's tickets lose the personal data in them, a merged client's
 * tickets move to the client it was merged into.
 */
@Component
class ClientEventsListener {

    private final TicketRecords records;

    ClientEventsListener(TicketRecords records) {
        this.records = records;
    }

    @ApplicationModuleListener
    void on(ClientErasureRequested erasure) {
        records.eraseClient(erasure.tenantId(), erasure.clientId());
    }

    @ApplicationModuleListener
    void on(ClientsMerged merged) {
        records.moveClient(merged.tenantId(), merged.sourceId(), merged.targetId());
    }
}
