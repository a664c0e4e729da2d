package com.zorahai.intake.internal;

import com.zorahai.ai.TravelRequestExtraction;
import com.zorahai.crm.ClientDataContributor;
import com.zorahai.crm.ClientErasureRequested;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientsMerged;
import com.zorahai.email.InboundEmails;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The intake part of a client's privacy export and erasure: the emailed requests linked to the client are listed;
 * on erasure their sender, subject, extraction and corrected values are forgotten, and so is the stored email itself
 * (its addresses, subject, bodies, headers and attachments), while the rows (what was done, which quote was drafted)
 * stay for the figures. The requests of a client merged into another move to that client.
 */
@Component
class IntakeClientData implements ClientDataContributor {

    private final IntakeStore store;
    private final ExtractionCodec codec;
    private final InboundEmails inboundEmails;

    IntakeClientData(IntakeStore store, ExtractionCodec codec, InboundEmails inboundEmails) {
        this.store = store;
        this.codec = codec;
        this.inboundEmails = inboundEmails;
    }

    /** A request as the export lists it. */
    record ExportedRequest(UUID id, Instant receivedAt, String from, String subject, String classification,
            String status, String outcome, String quoteNumber, String ticketRef) {
    }

    @Override
    public String section() {
        return "intake";
    }

    @Override
    public Object export(TenantId tenantId, ClientId clientId) {
        return store.ofClient(tenantId, clientId).stream()
                .map(r -> new ExportedRequest(r.id(), r.receivedAt(), r.fromAddress(), r.subject(),
                        r.classification().name().toLowerCase(Locale.ROOT), r.status().value(), r.outcome().value(),
                        r.quoteNumber(), r.ticketRef()))
                .toList();
    }

    @ApplicationModuleListener
    void on(ClientErasureRequested erasure) {
        List<IntakeRequest> requests = store.ofClient(erasure.tenantId(), erasure.clientId());
        for (IntakeRequest request : requests) {
            TravelRequestExtraction x = codec.read(request.extraction());
            TravelRequestExtraction erased = new TravelRequestExtraction(x.classification(), null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, x.engine(),
                    x.model());
            store.erase(request, codec.write(erased));
            inboundEmails.erase(erasure.tenantId(), request.inboundEmailId());
        }
    }

    @ApplicationModuleListener
    void on(ClientsMerged merged) {
        store.moveClient(merged.tenantId(), merged.sourceId(), merged.targetId());
    }
}
