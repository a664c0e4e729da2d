package com.zorahai.quoting.internal;

import com.zorahai.crm.ClientDataContributor;
import com.zorahai.crm.ClientErasureRequested;
import com.zorahai.crm.ClientId;
import com.zorahai.platform.Money;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The quoting part of a client's privacy export and erasure: the client's quotes are listed in the export; on
 * erasure, who accepted them (name, email, IP address) is forgotten while the quotes stay as commercial records.
 */
@Component
class QuoteClientData implements ClientDataContributor {

    private final QuoteRecords records;

    QuoteClientData(QuoteRecords records) {
        this.records = records;
    }

    /** A quote as the export lists it. */
    record ExportedQuote(String id, String number, String status, int revision, LocalDate travelStart,
            LocalDate travelEnd, String notes, Money total, Instant createdAt, Instant sentAt, Instant acceptedAt,
            String acceptedByName, String acceptedByEmail, String acceptedIp) {
    }

    @Override
    public String section() {
        return "quoting";
    }

    @Override
    public Object export(TenantId tenantId, ClientId clientId) {
        List<ExportedQuote> quotes = records.ofClient(tenantId, clientId).stream()
                .map(q -> new ExportedQuote(q.id().toString(), q.number(), q.status().value(), q.currentRevision(),
                        q.travelStart(), q.travelEnd(), q.notes(), q.total(), q.createdAt(), q.sentAt(),
                        q.acceptance() == null ? null : q.acceptance().acceptedAt(),
                        q.acceptance() == null ? null : q.acceptance().name(),
                        q.acceptance() == null ? null : q.acceptance().email(),
                        q.acceptance() == null ? null : q.acceptance().ip()))
                .toList();
        return quotes;
    }

    @ApplicationModuleListener
    void on(ClientErasureRequested erasure) {
        records.eraseClient(erasure.tenantId(), erasure.clientId());
    }
}
