package com.zorahai.invoicing.internal;

import com.zorahai.crm.ClientErasureRequested;
import com.zorahai.crm.ClientsMerged;
import com.zorahai.quoting.QuoteAccepted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What invoicing does when other modules report: a draft for an accepted quote (when
 * {@code zorah.invoicing.auto-draft-on-acceptance} is on), the travellers of an erased client anonymised (the
 * invoices, lines and payments stay: they are financial records), invoices of a merged client moved to the client
 * it was merged into.
 */
@Component
class InvoicingListeners {

    private static final Logger log = LoggerFactory.getLogger(InvoicingListeners.class);

    private final InvoiceRecords invoices;
    private final TravelerRecords travelers;
    private final InvoiceStore store;
    private final InvoicingProperties properties;

    InvoicingListeners(InvoiceRecords invoices, TravelerRecords travelers, InvoiceStore store,
            InvoicingProperties properties) {
        this.invoices = invoices;
        this.travelers = travelers;
        this.store = store;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(QuoteAccepted accepted) {
        if (properties.autoDraftOnAcceptance()) {
            invoices.draftOnAcceptance(accepted);
        }
    }

    @ApplicationModuleListener
    void on(ClientErasureRequested erasure) {
        int erased = travelers.eraseForClient(erasure.tenantId(), erasure.clientId());
        if (erased > 0) {
            log.info("Erased {} travellers of the invoices of client {}", erased, erasure.clientId());
        }
    }

    @ApplicationModuleListener
    void on(ClientsMerged merged) {
        store.reassignClient(merged.tenantId(), merged.sourceId(), merged.targetId());
    }
}
